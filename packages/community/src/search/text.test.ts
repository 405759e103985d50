import { describe, expect, it } from 'vitest';
import { documentTokens, normalize, queryTerms, toFts5Query, toTsQuery } from './text.ts';

/** True when every query term has an alternative among the document's tokens (prefix on the last). */
function matches(doc: string, query: string): boolean {
  const tokens = documentTokens(doc);
  return queryTerms(query).every((t) =>
    t.alternatives.some((a) => tokens.some((tok) => (t.prefix ? tok.startsWith(a) : tok === a))),
  );
}

describe('search text pipeline', () => {
  it('folds width, case, accents and Traditional to Simplified', () => {
    expect(normalize('ＣＡＦÉ Crème Brûlée')).toBe('cafe creme brulee');
    expect(normalize('臺灣的夜市裡面')).toBe(normalize('台湾的夜市里面'));
  });

  it('segments Chinese in search mode and indexes every single character', () => {
    const tokens = documentTokens('台北車站附近的牛肉麵很好吃');
    expect(tokens).toEqual(
      expect.arrayContaining(['台北', '车站', '附近', '牛肉', '好吃', '牛', '肉', '面']),
    );
  });

  it('finds Traditional text with a Simplified query and the reverse', () => {
    expect(matches('週末去台灣美食展，吃了好多小籠包', '台湾美食')).toBe(true);
    expect(matches('周末去台湾美食展，吃了好多小笼包', '台灣美食')).toBe(true);
    expect(matches('週末去台灣美食展', '小笼包')).toBe(false);
  });

  it('stems English and ignores case and accents', () => {
    expect(matches('Running along the river at dawn', 'runs')).toBe(true);
    expect(matches('She runs every morning', 'RUNNING')).toBe(true);
    expect(matches('Best café in Taipei', 'cafe')).toBe(true);
    expect(matches('Best cafe in Taipei', 'Café')).toBe(true);
    expect(matches('Best cafe in Taipei', 'tea')).toBe(false);
  });

  it('treats the last word as a prefix, typed halfway', () => {
    expect(matches('Running along the river', 'river runn')).toBe(true);
    expect(matches('台湾美食推荐', '美')).toBe(true);
    expect(matches('Running along the river', 'runn river')).toBe(false);
  });

  it('turns operator-looking input into quoted terms only', () => {
    for (const query of ["' OR 1=1 --", 'NEAR(a b) "x" * -y', "a&b|!c:(d) 'e'", 'col:term ^x']) {
      const terms = queryTerms(query);
      for (const term of terms) for (const a of term.alternatives) expect(a).toMatch(/^[\p{L}\p{N}]+$/u);
      expect(toFts5Query(terms)).not.toMatch(/NEAR\(|:|\^|'/);
      expect(toTsQuery(terms).replace(/'[\p{L}\p{N}]+'(:\*)?/gu, '')).toMatch(/^[()&| ]*$/u);
    }
    expect(queryTerms('!!! ??? ---')).toEqual([]);
  });

  it('keeps tokens to letters and digits, and bounds their length', () => {
    const tokens = documentTokens(`x²=y₂ #tag @me e-mail ${'a'.repeat(300)}`);
    for (const token of tokens) {
      expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      expect([...token].length).toBeLessThanOrEqual(64);
    }
    expect(tokens).toEqual(expect.arrayContaining(['x2', 'y2', 'tag', 'me', 'e', 'mail']));
  });
});
