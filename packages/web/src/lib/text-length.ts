/** RedNote's title limit in its own units: 20 CJK characters or about 40 Latin ones. */
export const TITLE_MAX = 20;
export const BODY_MAX = 1000;

// Invisible characters count for nothing, as on the server (notes/text.ts).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;
// The server's cleaning, step for step: NFC, then these dropped (joiners only where they do
// not join two non-ASCII characters), then trimmed. Trimming after the drop matters: a kept
// joiner can stop a trim, so the counter must strip exactly what the server strips.
const ALWAYS_INVISIBLE = /[\u200B\u2060\uFEFF\u180E]/g;
const STRAY_JOINERS = /(?<!\P{ASCII})[\u200C\u200D]|[\u200C\u200D](?!\P{ASCII})/gu;

/** A title as the server stores and measures it: NFC, invisible characters out, trimmed. */
export function cleanTitleText(text: string): string {
  return text.normalize('NFC').replace(ALWAYS_INVISIBLE, '').replace(STRAY_JOINERS, '').trim();
}

/**
 * Counts a title the way RedNote (and the Plaza server) does, on the title as the server will
 * store it (see `cleanTitleText`): each UTF-16 unit above ASCII weighs 1, each ASCII character
 * ½. Answers whole units rounded up for display, so a title the counter shows as 20 is one
 * the server accepts.
 * @example titleLength('台灣美食') // 4
 * @example titleLength('Taipei eats') // 6 (5.5 rounded up)
 * @example titleLength('  e\u0301  ') // 1 (é once composed; the spaces are trimmed)
 */
export function titleLength(text: string): number {
  const visible = cleanTitleText(text).replace(ZERO_WIDTH, '');
  let halves = 0;
  for (let i = 0; i < visible.length; i++) halves += visible.charCodeAt(i) < 0x80 ? 1 : 2;
  return Math.ceil(halves / 2);
}

/**
 * What the composer refuses in a title before sending it: the server's emptiness and length
 * rules. (Control characters are left to the server's answer: a keyboard does not type them.)
 */
export function titleIssue(text: string): 'required' | 'too_long' | null {
  if (cleanTitleText(text) === '') return 'required';
  return titleLength(text) > TITLE_MAX ? 'too_long' : null;
}

/** Body length in user-perceived characters (code points), zero-width ones left out. */
export function bodyLength(text: string): number {
  return Array.from(text.replace(ZERO_WIDTH, '')).length;
}
