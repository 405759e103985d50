import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
// The server's own rule, to hold the counter to it (a test-only import: the app never ships it).
import { cleanTitle } from '../../community/src/notes/text.ts';
import { tokenize } from '../src/lib/rich-text.ts';
import { bodyLength, TITLE_MAX, titleIssue, titleLength } from '../src/lib/text-length.ts';

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

/** Pieces that tell the rules apart: spaces to trim, NFD sequences, CJK, emoji, invisible ones. */
const PIECES = [
  'a',
  'Z',
  '1',
  ' ',
  '\u3000',
  '\u00a0',
  '字',
  '台',
  'é',
  'e\u0301',
  '가',
  '\u1100\u1161',
  '\u212b',
  'ﬁ',
  '😀',
  '👨\u200d👩',
  '\u200b',
  '\u200c',
  '\u200d',
  '\ufeff',
  '\u2060',
];
const titleText = fc.oneof(
  fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 50 }),
  fc.string({ unit: 'grapheme', maxLength: 45 }),
  fc.string({ unit: 'binary', maxLength: 45 }),
);

/** The server's refusal of a title, in the composer's terms; control characters are its alone. */
function serverTitleIssue(text: string): 'required' | 'too_long' | 'invalid' | null {
  const issue = cleanTitle(text).issues[0];
  if (!issue) return null;
  if (issue.message === 'must not be empty') return 'required';
  return issue.message.startsWith('is ') ? 'too_long' : 'invalid';
}

describe('the composer refuses exactly the titles the server refuses', () => {
  it('for any text: NFD, padding, CJK, emoji, zero-width characters', () => {
    fc.assert(
      fc.property(titleText, (text) => {
        const server = serverTitleIssue(text);
        fc.pre(server !== 'invalid');
        expect(titleIssue(text)).toBe(server);
      }),
      { numRuns: 5000 },
    );
  });

  it('at the boundary: a padded or decomposed 20-unit title is taken, 21 is not', () => {
    expect(titleIssue(`  ${'一'.repeat(20)}\u3000`)).toBeNull();
    expect(titleLength(`  ${'一'.repeat(20)}\u3000`)).toBe(TITLE_MAX);
    expect(titleIssue('가'.repeat(20).normalize('NFD'))).toBeNull();
    expect(titleIssue('가'.repeat(21).normalize('NFD'))).toBe('too_long');
    expect(titleIssue(' \u200b ')).toBe('required');
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
