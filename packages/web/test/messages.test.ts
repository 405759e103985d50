import fs from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { htmlLangOf } from '../src/i18n/language.ts';
import { fieldMessage, problemMessage } from '../src/lib/problem-text.ts';
import { WEB_DIR } from './support/build.ts';
import { serverProblemCodes } from './support/server-codes.ts';

type Tree = { [key: string]: string | Tree };

function messagesOf(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : messagesOf(value, `${prefix}${key}.`),
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [full] : [];
  });
}

/**
 * The field codes the servers can answer, read from their source: the Ajv keyword table, the
 * meanings given to schema patterns, and every field issue written as `{ field…, code: '…' }`.
 */
function serverFieldCodes(): Set<string> {
  const root = path.resolve(WEB_DIR, '..');
  const codes = new Set<string>();
  for (const pkg of ['kernel', 'community', 'rewards']) {
    for (const file of sourceFiles(path.join(root, pkg, 'src'))) {
      const text = fs.readFileSync(file, 'utf8');
      const literal = /field[^;]{0,120}?code: '([a-z_]+)'/g;
      for (const match of text.matchAll(literal)) codes.add(match[1]!);
      for (const match of text.matchAll(/Pattern\([^;]*?\{ code: '([a-z_]+)'/g)) codes.add(match[1]!);
      if (file.endsWith(`http${path.sep}field-issues.ts`))
        for (const match of text.matchAll(/code: '([a-z_]+)'/g)) codes.add(match[1]!);
    }
  }
  return codes;
}

describe('field problems in the reader’s language', () => {
  it('have a message in every catalog for every code the servers answer', () => {
    const codes = serverFieldCodes();
    // The scan must see the codes it is meant to see, or it proves nothing.
    for (const known of ['too_long', 'must_be_digits', 'not_email', 'wrong_password', 'versions_overlap'])
      expect(codes).toContain(known);
    // `validation_failed` is the problem's own code, written next to its field issues.
    const missing = [...codes].filter((code) => code !== 'validation_failed' && !(code in en.fieldErrors));
    expect(missing).toEqual([]);
  });

  it('are said from code and params, and an unknown code reads as the generic line, not the English', async () => {
    const t = await i18next.createInstance().init({
      lng: 'zh-TW',
      resources: { 'zh-TW': { translation: zhTW } },
      interpolation: { escapeValue: false },
    });
    const say = (issue: Parameters<typeof fieldMessage>[1]) => fieldMessage(t, issue);
    expect(say({ field: '/title', code: 'too_long', params: { max: 30 }, message: 'x' })).toBe(
      '最多 30 個字。',
    );
    expect(say({ field: '/last4', code: 'must_be_digits', params: { length: 4 }, message: 'x' })).toBe(
      '請輸入 4 位數字。',
    );
    expect(say({ field: '/n', code: 'wrong_type', params: { type: 'integer' }, message: 'x' })).toBe(
      '請輸入整數。',
    );
    expect(say({ field: '/x', code: 'from_a_newer_server', message: 'is odd' })).toBe(
      zhTW.fieldErrors.invalid,
    );
    expect(say({ field: '/x', message: 'an old server' })).toBe(zhTW.fieldErrors.invalid);
  });
});

describe('problem codes in the reader’s language', () => {
  const catalogs = { en, 'zh-TW': zhTW, 'zh-CN': zhCN } as const;

  it('have a message in every catalog for every code the servers answer', { timeout: 120_000 }, () => {
    const { codes, unread } = serverProblemCodes();
    // Every place that makes a problem code must be readable, or the scan misses codes.
    expect(unread).toEqual([]);
    for (const known of ['version_immutable', 'already_switched_today', 'malformed_json', 'handle_taken'])
      expect(codes.has(known), known).toBe(true);
    for (const [language, catalog] of Object.entries(catalogs)) {
      const missing = [...codes.keys()].filter(
        (code) => !(code in catalog.errors) && !(code in catalog.rewards.errors),
      );
      expect(missing, language).toEqual([]);
    }
  });

  it('are said with their params, and an unknown code reads as the generic line', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({
      lng: 'zh-CN',
      resources: { 'zh-CN': { translation: zhCN } },
      interpolation: { escapeValue: false },
    });
    const problem = { type: '', title: '', status: 409, detail: 'The plan was already changed today' };
    expect(
      problemMessage(i18n, {
        ...problem,
        code: 'already_switched_today',
        params: { nextSwitchDate: '2026-03-11' },
      }),
    ).toBe(zhCN.rewards.errors.already_switched_today.replace('{{nextSwitchDate}}', '2026年3月11日'));
    expect(problemMessage(i18n, { ...problem, code: 'version_immutable' })).toBe(
      zhCN.rewards.errors.version_immutable,
    );
    expect(problemMessage(i18n, { ...problem, code: 'from_a_newer_server' })).toBe(zhCN.errors.generic);
    const withFields = { ...problem, code: 'from_a_newer_server', errors: [{ field: '/a', message: 'x' }] };
    expect(problemMessage(i18n, withFields)).toBe(zhCN.errors.validation_failed);
  });
});

describe('the zh-CN catalog', () => {
  it('calls points 积分 throughout, never 点 or 点数', () => {
    const messages = messagesOf(zhCN as Tree);
    const pointsAsDian = messages.filter(([, text]) => /点数|(\d|}})\s*点(?![击一])/.test(text));
    expect(pointsAsDian).toEqual([]);
    expect(messages.filter(([, text]) => text.includes('积分')).length).toBeGreaterThan(10);
  });

  it('writes no Traditional-only characters the Traditional catalog uses for points', () => {
    const messages = messagesOf(zhCN as Tree);
    expect(messages.filter(([, text]) => /點|數|積/.test(text))).toEqual([]);
  });
});

describe('the document language', () => {
  it('names the script and region of each interface language', () => {
    expect(htmlLangOf('zh-TW')).toBe('zh-Hant-TW');
    expect(htmlLangOf('zh-CN')).toBe('zh-Hans-CN');
    expect(htmlLangOf('en')).toBe('en');
  });
});
