/** RedNote's title limit in its own units: 20 CJK characters or about 40 Latin ones. */
export const TITLE_MAX = 20;
export const BODY_MAX = 1000;

// Invisible characters count for nothing, as on the server (notes/text.ts).
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;

/**
 * Counts a title the way RedNote (and the Plaza server) does: each UTF-16 unit above ASCII
 * weighs 1, each ASCII character ½. Answers whole units rounded up for display, so a title
 * the counter shows as 20 is one the server accepts.
 * @example titleLength('台灣美食') // 4
 * @example titleLength('Taipei eats') // 6 (5.5 rounded up)
 */
export function titleLength(text: string): number {
  const visible = text.replace(ZERO_WIDTH, '');
  let halves = 0;
  for (let i = 0; i < visible.length; i++) halves += visible.charCodeAt(i) < 0x80 ? 1 : 2;
  return Math.ceil(halves / 2);
}

/** Body length in user-perceived characters (code points), zero-width ones left out. */
export function bodyLength(text: string): number {
  return Array.from(text.replace(ZERO_WIDTH, '')).length;
}
