import { describe, expect, it } from 'vitest';
import { bidiIssue, bidiSafe, validationCode } from './bidi.ts';

const CONTROLS = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
];

describe('bidiSafe', () => {
  it('refuses every direction control in a line, naming it', () => {
    for (const c of CONTROLS) {
      const checked = bidiSafe(`abc${c}gpj.exe`, 'line');
      expect(checked.ok).toBe(false);
      if (!checked.ok)
        expect(checked.found).toBe(`U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`);
    }
  });

  it('keeps lines in any script, with joiners and emoji', () => {
    for (const text of ['林美 Lin', 'שלום עולם', 'مرحبا', '👩‍👩‍👧 family', 'a\u200Db']) {
      expect(bidiSafe(text, 'line')).toEqual({ ok: true, text });
    }
  });

  it('drops embeddings, overrides and isolates from prose and keeps its marks', () => {
    expect(bidiSafe('abc\u202Egpj.exe\u202C and \u2067שלום\u2069', 'prose')).toEqual({
      ok: true,
      text: 'abcgpj.exe and שלום',
    });
    expect(bidiSafe('(שלום)\u200F.', 'prose')).toEqual({ ok: true, text: '(שלום)\u200F.' });
  });

  it('names the answer bidi_control only when a field was refused for one', () => {
    const other = { field: '/bio', code: 'too_long', message: 'is too long' };
    expect(validationCode([other])).toBe('validation_failed');
    expect(validationCode([other, bidiIssue('/displayName', 'U+202E')])).toBe('bidi_control');
  });
});
