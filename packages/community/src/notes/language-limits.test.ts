import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';

// The boundaries of the script weights that language.test.ts's sentences stay clear of: each
// case sits exactly on a tie, or mixes scripts so that every count takes part.

describe('detectLanguage at its boundaries', () => {
  it('reads Chinese when one Han character weighs exactly what the Latin letters do', () => {
    expect(detectLanguage('讚 wow')).toBe('zh-Hant');
  });

  it('reads English when the Latin letters are exactly half the weighed letters', () => {
    expect(detectLanguage('Hello Мария')).toBe('en');
  });

  it('weighs letters of other scripts against both Chinese and English', () => {
    // Han 2 × 3 = 6 against 9 Cyrillic letters; 5 Latin against 5 Cyrillic and 1 Han × 3.
    expect(detectLanguage('你好 Привет мир')).toBe('other');
    expect(detectLanguage('Привет мир hello')).toBe('other');
    expect(detectLanguage('Hello Мария 好')).toBe('other');
  });

  it('counts only letters: digits, spaces and punctuation weigh nothing', () => {
    expect(detectLanguage('iPhone 15 Pro Max 256 GB, 2025/12/03 !!!')).toBe('en');
  });

  it('reads one kana for every four Han characters as Japanese', () => {
    expect(detectLanguage('我的家の狗')).toBe('other');
    expect(detectLanguage('我的小家の狗')).not.toBe('other');
  });

  it('reads Simplified characters as Simplified whatever the hint', () => {
    expect(detectLanguage('今天天气很好，我们去北京吃烤鸭', 'zh-Hant')).toBe('zh-Hans');
  });

  it('does not count 台, which Taiwan’s table changes but Hong Kong’s keeps, as Simplified', () => {
    expect(detectLanguage('台北台中台南', 'zh-Hant')).toBe('zh-Hant');
  });
});
