/** RedNote's title limit: 20 units, where a CJK character counts 1 and an ASCII one ½. */
export const TITLE_MAX_UNITS = 20;
export const BODY_MAX_CHARS = 1000;

/**
 * Title length as RedNote counts it: ASCII UTF-16 units weigh 1, others 2, halved and
 * rounded up (so an emoji, two UTF-16 units, counts 2).
 * @example titleUnits('台灣美食') === 4; titleUnits('Hello RedNote') === 7
 */
export function titleUnits(title: string): number {
  let weight = 0;
  for (let i = 0; i < title.length; i++) weight += title.charCodeAt(i) < 0x80 ? 1 : 2;
  return Math.ceil(weight / 2);
}

export function titleFits(title: string): boolean {
  return title.trim().length > 0 && titleUnits(title) <= TITLE_MAX_UNITS;
}
