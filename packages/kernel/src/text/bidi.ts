import type { FieldIssue } from '../errors.ts';

/**
 * Text that can reorder what others read: the embeddings and overrides U+202A–U+202E, the
 * isolates U+2066–U+2069 (Unicode's explicit directional formatting, UAX #9) and the marks
 * U+200E, U+200F and U+061C. None of them is visible; an override makes "abc\u202Egpj.exe"
 * show as "abcexe.jpg".
 */
const ANY_BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
// Marks are left out: a mark only gives neighbouring punctuation a direction and cannot turn a
// run of letters around, and right-to-left writers need them in mixed-direction prose.
const EXPLICIT_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/gu;

/** The problem code of an answer refusing such a character. */
export const BIDI_CONTROL_CODE = 'bidi_control';

/**
 * `line`: one line shown as a name or a heading (display name, handle, note title, topic,
 * board name); `prose`: a text read as a paragraph (bio, note body, comment, description).
 */
export type BidiTextKind = 'line' | 'prose';

export type BidiChecked = { ok: true; text: string } | { ok: false; found: string };

/**
 * Plaza's one rule for direction controls, shared by every text field: a line holding any
 * is refused (the writer is told which character), prose is kept without its embeddings,
 * overrides and isolates, so nothing it holds can reach past itself or reverse its letters.
 * @example bidiSafe('abc\u202Egpj.exe', 'line') // { ok: false, found: 'U+202E' }
 * @example bidiSafe('abc\u202Egpj.exe', 'prose') // { ok: true, text: 'abcgpj.exe' }
 */
export function bidiSafe(text: string, kind: 'prose'): { ok: true; text: string };
export function bidiSafe(text: string, kind: BidiTextKind): BidiChecked;
export function bidiSafe(text: string, kind: BidiTextKind): BidiChecked {
  if (kind === 'prose') return { ok: true, text: text.replace(EXPLICIT_FORMATTING, '') };
  const found = ANY_BIDI_CONTROL.exec(text)?.[0];
  if (found === undefined) return { ok: true, text };
  return { ok: false, found: `U+${found.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The field issue for a refused line (`params.character` names it, e.g. `U+202E`). */
export function bidiIssue(field: string, found: string): FieldIssue {
  return {
    field,
    code: BIDI_CONTROL_CODE,
    params: { character: found },
    message: `contains ${found}, an invisible character that reorders text`,
  };
}

/**
 * The code of a validation answer: `bidi_control` when any field was refused for a direction
 * control (the other fields' issues ride along), else `validation_failed`.
 */
export function validationCode(
  issues: readonly FieldIssue[],
): typeof BIDI_CONTROL_CODE | 'validation_failed' {
  return issues.some((issue) => issue.code === BIDI_CONTROL_CODE) ? BIDI_CONTROL_CODE : 'validation_failed';
}
