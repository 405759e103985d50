import { bidiIssue, bidiSafe, type FieldIssue, ValidationError, validationCode } from '@plaza/kernel';

// Controls are invisible and unsafe in logs and UIs; multi-line texts keep newline and tab.
const ANY_CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/u;
// A lone surrogate (sent as a JSON escape) is not text.
const LONE_SURROGATE = /\p{Cs}/u;
// Zero-width and BOM characters alone must not pass as a non-empty text.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;
// `@handle` as account handles are spelled, not inside a word or an email address.
const MENTION_RE = /(?<![\p{L}\p{M}\p{N}_.@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])/gu;

export interface TextRule {
  field: string;
  min: number;
  max: number;
  /**
   * Whether line breaks are allowed (comments and descriptions: prose, which loses direction
   * overrides) or not (names: a direction control refuses them, as `bidiSafe` rules).
   */
  multiline: boolean;
}

/** Checks one user text; answers the normalized, trimmed text or the issue for its field. */
export function checkText(raw: string, rule: TextRule): { text: string } | { issue: FieldIssue } {
  const bidi = bidiSafe(raw, rule.multiline ? 'prose' : 'line');
  if (!bidi.ok) return { issue: bidiIssue(rule.field, bidi.found) };
  const text = bidi.text.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  const control = rule.multiline ? CONTROL_BUT_LINES : ANY_CONTROL;
  if (control.test(text) || LONE_SURROGATE.test(text)) {
    return {
      issue: {
        field: rule.field,
        code: 'control_characters',
        message: 'must not contain control or invalid characters',
      },
    };
  }
  const visible = [...text.replace(INVISIBLE, '').trim()].length;
  if (visible < rule.min) {
    return {
      issue: {
        field: rule.field,
        code: rule.min === 1 ? 'empty' : 'too_short',
        params: { min: rule.min },
        message: `must have at least ${rule.min} visible character(s)`,
      },
    };
  }
  if ([...text].length > rule.max) {
    return {
      issue: {
        field: rule.field,
        code: 'too_long',
        params: { max: rule.max },
        message: `must be at most ${rule.max} characters`,
      },
    };
  }
  return { text };
}

/**
 * Checks several texts at once so a form with two bad fields reports both.
 * @example const [name] = cleanTexts('The collection has problems.', [[input.name, NAME_RULE]]);
 */
export function cleanTexts(message: string, entries: [string, TextRule][]): string[] {
  const issues: FieldIssue[] = [];
  const texts = entries.map(([value, rule]) => {
    const checked = checkText(value, rule);
    if ('issue' in checked) issues.push(checked.issue);
    return 'text' in checked ? checked.text : '';
  });
  if (issues.length > 0) throw new ValidationError(message, issues, validationCode(issues));
  return texts;
}

/** Distinct lower-cased handles mentioned as `@handle`, in order of first mention. */
export function mentionedHandles(text: string): string[] {
  return [...new Set([...text.matchAll(MENTION_RE)].map((m) => (m[1] ?? '').toLowerCase()))];
}
