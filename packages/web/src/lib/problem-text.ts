import type { i18n as I18n, TFunction } from 'i18next';
import type { FieldIssue, Problem } from '../api/types.ts';
import { en } from '../i18n/locales/en.ts';
import { formatCalendarDate } from '../rewards/lib/format.ts';

type FieldCode = keyof typeof en.fieldErrors;

const FIELD_CODES: ReadonlySet<string> = new Set(Object.keys(en.fieldErrors));

function isFieldCode(code: string): code is FieldCode {
  return FIELD_CODES.has(code);
}

// `wrong_type` names a JSON type; the two a person can act on get their own sentence.
function codeOf(issue: FieldIssue): string {
  const type = issue.params?.type;
  if (issue.code === 'wrong_type' && (type === 'integer' || type === 'number')) return `wrong_type_${type}`;
  return issue.code ?? 'invalid';
}

/**
 * A field issue as a sentence in the reader's language, from its code and params; a code this
 * app does not know yet reads as the generic "not valid", never as the server's English.
 * @example fieldMessage(t, { field: '/title', code: 'too_long', params: { max: 20 }, message: '…' })
 */
export function fieldMessage(t: TFunction, issue: FieldIssue): string {
  const code = codeOf(issue);
  const key = `fieldErrors.${isFieldCode(code) ? code : 'invalid'}` as const;
  // The params come from the server, so their names cannot be checked against each message's
  // placeholders at compile time; typed as the one message without any, a missing value would
  // read as an empty gap rather than break the page.
  return t(key as 'fieldErrors.invalid', { ...issue.params });
}

/** The key a form knows a field by: `/names/zh-TW` → `names/zh-TW`, `querystring:/q` → `q`. */
export function fieldPath(issue: FieldIssue): string {
  return issue.field.replace(/^[a-z]+:/, '').replace(/^\//, '');
}

/**
 * A problem's own code as a sentence in the reader's language, with its params: the Community's
 * and the kernel's codes are in `errors.*`, Rewards' in `rewards.errors.*` (loaded with the card
 * app). A code the catalogs lack reads as the generic line (or "check the fields" when the answer
 * lists field issues), never as the server's English.
 * @example problemMessage(i18n, { code: 'already_switched_today', params: { nextSwitchDate: '2026-03-11' }, … })
 */
export function problemMessage(i18n: Pick<I18n, 't' | 'exists' | 'language'>, problem: Problem): string {
  const key = [`errors.${problem.code}`, `rewards.errors.${problem.code}`].find((k) => i18n.exists(k));
  const fallback = problem.errors?.length ? 'errors.validation_failed' : 'errors.generic';
  // The key is read from the server's code, so it cannot be typed; `exists` has just vouched for it.
  return i18n.t((key ?? fallback) as 'errors.generic', localParams(problem.params, i18n.language));
}

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A problem's params as the reader writes them: a calendar date (`2026-03-11`) in the language's own form. */
function localParams(params: Problem['params'], language: string): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(params ?? {}).map(([name, value]) => [
      name,
      typeof value === 'string' && CALENDAR_DATE.test(value) ? formatCalendarDate(value, language) : value,
    ]),
  );
}
