import type { TextLanguage } from '../contracts.ts';
import { toSimplified, toTraditional, toTraditionalHk } from './chinese.ts';
import { proseOf } from './text.ts';

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
// Japanese and Korean have scripts of their own; Japanese also writes Han characters.
const KANA_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;
// One Chinese character carries about what three Latin letters do, so a Chinese sentence
// with an English brand name in it stays Chinese.
const HAN_WEIGHT = 3;

interface ScriptCounts {
  han: number;
  latin: number;
  kanaHangul: number;
  otherLetters: number;
}

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = { han: 0, latin: 0, kanaHangul: 0, otherLetters: 0 };
  for (const ch of text) {
    if (HAN.test(ch)) counts.han += 1;
    else if (LATIN.test(ch)) counts.latin += 1;
    else if (KANA_HANGUL.test(ch)) counts.kanaHangul += 1;
    else if (LETTER.test(ch)) counts.otherLetters += 1;
  }
  return counts;
}

/** How many characters a conversion changes, position by position. */
function changedCount(original: string[], converted: string[]): boolean[] {
  // OpenCC's Taiwan and Simplified tables map one character to one, so positions line up.
  if (original.length !== converted.length) return original.map(() => false);
  return original.map((ch, i) => ch !== converted[i]);
}

/**
 * Traditional or Simplified: characters that only Traditional writes change when converted
 * to Simplified, and the reverse. Whole text is converted so phrases (后来 → 後來, but 皇后
 * stays) are judged in context. A tie (only shared characters, as in 你好) takes the hint.
 */
function chineseScript(text: string, hint: TextLanguage | undefined): TextLanguage {
  const chars = [...text];
  const traditionalOnly = changedCount(chars, [...toSimplified(text)]).filter(Boolean).length;
  const toTw = changedCount(chars, [...toTraditional(text)]);
  const toHk = changedCount(chars, [...toTraditionalHk(text)]);
  const simplifiedOnly = toTw.filter((changed, i) => changed && toHk[i]).length;
  if (traditionalOnly > simplifiedOnly) return 'zh-Hant';
  if (simplifiedOnly > traditionalOnly) return 'zh-Hans';
  return hint === 'zh-Hant' ? 'zh-Hant' : 'zh-Hans';
}

/**
 * The language of user text: zh-Hant, zh-Hans, en (mostly Latin letters) or other.
 * `hint` breaks Traditional/Simplified ties, usually from the writer's chosen language.
 * @example detectLanguage('今天天氣很好') === 'zh-Hant'
 */
export function detectLanguage(text: string, hint?: TextLanguage): TextLanguage {
  const prose = proseOf(text);
  const { han, latin, kanaHangul, otherLetters } = countScripts(prose);
  const cjk = (han + kanaHangul) * HAN_WEIGHT;
  if (cjk === 0 && latin === 0 && otherLetters === 0) return 'other';
  if (cjk >= latin + otherLetters) {
    // A few kana in Chinese text (我の家) are decoration; a real share of them is Japanese.
    return kanaHangul * 4 >= han ? 'other' : chineseScript(prose, hint);
  }
  return latin * 2 >= latin + otherLetters + cjk ? 'en' : 'other';
}
