import { describe, expect, it } from 'vitest';
import { tokenize } from '../src/lib/rich-text.ts';
import { bodyLength, TITLE_MAX, titleLength } from '../src/lib/text-length.ts';

describe('titleLength (RedNote counting)', () => {
  it('counts a CJK character as 1 and an ASCII one as ½, rounding up', () => {
    expect(titleLength('台灣美食')).toBe(4);
    expect(titleLength('Taipei eats')).toBe(6);
    expect(titleLength('台灣 food')).toBe(5);
    expect(titleLength('一二三四五六七八九十一二三四五六七八九十')).toBe(TITLE_MAX);
    expect(titleLength('a'.repeat(40))).toBe(TITLE_MAX);
    expect(titleLength('a'.repeat(41))).toBe(TITLE_MAX + 1);
  });

  it('ignores zero-width characters', () => {
    expect(titleLength('台\u200b灣')).toBe(2);
    expect(bodyLength('a\u200bb')).toBe(2);
  });

  it('counts body characters as code points', () => {
    expect(bodyLength('😀台灣')).toBe(3);
  });
});

describe('tokenize', () => {
  it('finds topics and mentions and keeps the rest as text', () => {
    expect(tokenize('好吃 #台灣美食 推薦給 @mei_tw !')).toEqual([
      { kind: 'text', text: '好吃 ' },
      { kind: 'topic', text: '#台灣美食', topic: '台灣美食' },
      { kind: 'text', text: ' 推薦給 ' },
      { kind: 'mention', text: '@mei_tw', handle: 'mei_tw' },
      { kind: 'text', text: ' !' },
    ]);
  });

  it('leaves markup as plain text pieces', () => {
    const pieces = tokenize('<img src=x onerror=alert(1)>');
    expect(pieces).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
  });
});
