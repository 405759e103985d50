import { describe, expect, it } from 'vitest';
import { checkNoteInput } from './input.ts';
import { cleanBody, cleanTitle, collectTopics, mentionedHandles, titleLength, topicKey } from './text.ts';

const MEDIA = ['01890000-0000-7000-8000-000000000001'];

describe('titleLength', () => {
  it('counts a CJK character 1 and an ASCII letter, digit or space ½', () => {
    expect(titleLength('台灣美食')).toBe(4);
    expect(titleLength('Taipei eats')).toBe(5.5);
    expect(titleLength('牛肉麵 Top 10')).toBe(6.5);
    expect(titleLength('')).toBe(0);
  });

  it('allows 20 Chinese characters or 40 English ones, and not one more', () => {
    expect(cleanTitle('一'.repeat(20)).issues).toEqual([]);
    expect(cleanTitle('a'.repeat(40)).issues).toEqual([]);
    expect(cleanTitle('一'.repeat(21)).issues[0]?.field).toBe('/title');
    expect(cleanTitle('a'.repeat(41)).issues[0]?.field).toBe('/title');
    expect(cleanTitle(`${'一'.repeat(19)}ab`).issues).toEqual([]);
    expect(cleanTitle(`${'一'.repeat(19)}abc`).issues).toHaveLength(1);
  });

  it('ignores zero-width characters and strips them from the text', () => {
    const sneaky = '一\u200B'.repeat(20);
    expect(titleLength(sneaky)).toBe(20);
    expect(cleanTitle(sneaky)).toEqual({ value: '一'.repeat(20), issues: [] });
    // A joiner inside an emoji sequence is kept; one hidden in Latin text is dropped.
    expect(cleanTitle('家庭👨\u200D👩\u200D👧').value).toContain('\u200D');
    expect(cleanTitle('pay\u200Dpal').value).toBe('paypal');
  });
});

describe('a title is measured as stored: NFC and trimmed', () => {
  // 가 is one code unit in NFC and two jamo (ᄀ + ᅡ) in NFD; é is one unit, or e + U+0301.
  const HANGUL_NFC = '가'.repeat(20);
  const HANGUL_NFD = HANGUL_NFC.normalize('NFD');

  it('accepts a 20-unit title padded with spaces, stored without them', () => {
    const padded = `   ${'一'.repeat(20)} \u3000 `;
    expect(titleLength(padded)).toBeGreaterThan(20);
    expect(cleanTitle(padded)).toEqual({ value: '一'.repeat(20), issues: [] });
    expect(cleanTitle(`  ${'a'.repeat(40)}  `).issues).toEqual([]);
  });

  it('accepts a decomposed (NFD) title whose NFC form fits, stored as NFC', () => {
    expect(HANGUL_NFD).not.toBe(HANGUL_NFC);
    expect(titleLength(HANGUL_NFD)).toBe(40);
    expect(cleanTitle(HANGUL_NFD)).toEqual({ value: HANGUL_NFC, issues: [] });
    const accents = 'é'.repeat(20).normalize('NFD');
    expect(titleLength(accents)).toBe(30);
    expect(cleanTitle(accents)).toEqual({ value: 'é'.repeat(20), issues: [] });
  });

  it('refuses one unit over, however it is written', () => {
    for (const over of [
      '가'.repeat(21).normalize('NFD'),
      ` ${'一'.repeat(21)} `,
      `${'é'.repeat(20)}ab`.normalize('NFD'),
    ])
      expect(cleanTitle(over).issues).toEqual([
        expect.objectContaining({ field: '/title', message: expect.stringContaining('is 21 long') }),
      ]);
  });
});

describe('cleaning', () => {
  it('trims and refuses empty titles', () => {
    expect(cleanTitle('  早安  ').value).toBe('早安');
    expect(cleanTitle(' \u200B ').issues[0]).toMatchObject({ field: '/title', message: 'must not be empty' });
  });

  it('allows newline and tab in bodies but no other control characters', () => {
    expect(cleanBody('第一行\r\n第二行\tend').value).toBe('第一行\n第二行\tend');
    expect(cleanBody('bell\u0007').issues[0]?.field).toBe('/body');
    expect(cleanBody('nul\u0000').issues[0]?.field).toBe('/body');
    expect(cleanTitle('two\nlines').issues[0]?.field).toBe('/title');
    expect(cleanBody('lone \uD800 surrogate').issues[0]?.field).toBe('/body');
  });

  it('measures bodies in characters, emoji as one', () => {
    expect(cleanBody('😀'.repeat(1000)).issues).toEqual([]);
    expect(cleanBody('字'.repeat(1001)).issues[0]?.message).toContain('1001');
  });
});

describe('topics', () => {
  it('folds case, width, # and Traditional/Simplified into one key', () => {
    expect(topicKey('#台灣美食')).toBe(topicKey('台湾美食'));
    expect(topicKey('TikTokRefugee')).toBe('tiktokrefugee');
    expect(topicKey('ＴｉｋＴｏｋ')).toBe('tiktok');
  });

  it('merges the list and body tags, keeping the first spelling and the order', () => {
    const { topics, issues } = collectTopics(
      ['#台灣美食', 'Taipei'],
      '好吃！#台湾美食 #taipei #夜市 email@x.com#not',
    );
    expect(issues).toEqual([]);
    expect(topics).toEqual(['台灣美食', 'Taipei', '夜市']);
  });

  it('refuses long, malformed or too many topics with their field', () => {
    expect(collectTopics(['a'.repeat(31)], '').issues[0]?.field).toBe('/topics/0');
    expect(collectTopics(['bad topic'], '').issues[0]?.field).toBe('/topics/0');
    expect(collectTopics([], `#${'字'.repeat(31)}`).issues[0]?.field).toBe('/body');
    const eleven = Array.from({ length: 11 }, (_, i) => `#t${i}`).join(' ');
    expect(collectTopics([], eleven).issues[0]?.field).toBe('/topics');
  });
});

describe('mentions', () => {
  it('finds @handles but not e-mail addresses', () => {
    expect(mentionedHandles('Thanks @Lin_Mei and @bob_99! mail me: me@example.com @lin_mei')).toEqual([
      'lin_mei',
      'bob_99',
    ]);
  });
});

describe('checkNoteInput', () => {
  it('reports every problem at once, field by field', () => {
    const attempt = () =>
      checkNoteInput({
        title: '',
        body: 'x\u0001',
        mediaIds: [],
        topics: ['no spaces'],
        status: 'published',
      });
    expect(attempt).toThrow(
      expect.objectContaining({
        fields: expect.arrayContaining([
          expect.objectContaining({ field: '/title' }),
          expect.objectContaining({ field: '/body' }),
          expect.objectContaining({ field: '/mediaIds' }),
          expect.objectContaining({ field: '/topics/0' }),
        ]),
      }),
    );
  });

  it('refuses more than 18 images and duplicates', () => {
    const ids = Array.from(
      { length: 19 },
      (_, i) => `01890000-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    const base = { title: 't', body: '', topics: [], status: 'published' as const };
    expect(() => checkNoteInput({ ...base, mediaIds: ids })).toThrow();
    expect(() => checkNoteInput({ ...base, mediaIds: ids.slice(0, 18) })).not.toThrow();
    expect(() => checkNoteInput({ ...base, mediaIds: [...MEDIA, ...MEDIA] })).toThrow();
  });
});
