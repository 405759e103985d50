import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { pickLanguage } from '../src/i18n/language.ts';
import { WEB_DIR } from './support/build.ts';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [prefix + key] : keysOf(value, `${prefix}${key}.`),
  );
}

function placeholdersOf(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string')
      out.set(
        prefix + key,
        [...value.matchAll(/{{(\w+)}}/g)]
          .map((m) => m[1])
          .sort()
          .join(','),
      );
    else for (const [k, v] of placeholdersOf(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

// Attributes a person reads or hears (screen readers); class names and URLs are not text.
const TEXT_ATTRIBUTES = new Set([
  'alt',
  'title',
  'placeholder',
  'aria-label',
  'aria-roledescription',
  'label',
]);
const HAS_LETTER = /\p{L}/u;

/** JSX text and text-attribute literals containing letters, found with the TypeScript parser. */
function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(WEB_DIR, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && HAS_LETTER.test(node.text)) found.push(`${where(node)} "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const literal = ts.isStringLiteral(init)
        ? init
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression
          : null;
      if (literal && HAS_LETTER.test(literal.text))
        found.push(`${where(node)} ${node.name.getText()}="${literal.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const catalogs = { 'zh-TW': zhTW as Tree, 'zh-CN': zhCN as Tree, en: en as Tree };

describe('message catalogs', () => {
  it('have the same keys in every language', () => {
    const expected = keysOf(en as Tree).sort();
    for (const [language, catalog] of Object.entries(catalogs)) {
      expect(keysOf(catalog).sort(), language).toEqual(expected);
    }
  });

  it('use the same {{placeholders}} for a key in every language', () => {
    const expected = placeholdersOf(en as Tree);
    for (const [language, catalog] of Object.entries(catalogs)) {
      expect(placeholdersOf(catalog), language).toEqual(expected);
    }
  });

  it('have no empty messages', () => {
    for (const catalog of Object.values(catalogs)) {
      const empty = keysOf(catalog).filter((key) => {
        const value = key.split('.').reduce<string | Tree>((node, part) => (node as Tree)[part]!, catalog);
        return typeof value === 'string' && value.trim() === '';
      });
      expect(empty).toEqual([]);
    }
  });
});

describe('source', () => {
  const files = sourceFiles(path.join(WEB_DIR, 'src')).filter(
    (f) => !f.includes(`${path.sep}locales${path.sep}`),
  );

  it('has no words in JSX text or text attributes: every visible string comes from a catalog', () => {
    const offenders = files.filter((f) => f.endsWith('.tsx')).flatMap((file) => hardCodedText(file));
    expect(offenders).toEqual([]);
  });

  it('never renders raw HTML', () => {
    const offenders = files.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML/.test(fs.readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
});

describe('language from the browser', () => {
  it('maps Chinese variants to the script people read', () => {
    expect(pickLanguage(['zh-TW'])).toBe('zh-TW');
    expect(pickLanguage(['zh-HK', 'en'])).toBe('zh-TW');
    expect(pickLanguage(['zh-Hant-US'])).toBe('zh-TW');
    expect(pickLanguage(['zh-CN'])).toBe('zh-CN');
    expect(pickLanguage(['zh'])).toBe('zh-CN');
    expect(pickLanguage(['zh-Hans-HK'])).toBe('zh-CN');
    expect(pickLanguage(['zh-SG'])).toBe('zh-CN');
  });

  it('takes the first language it speaks and falls back to English', () => {
    expect(pickLanguage(['fr-FR', 'zh-TW', 'en'])).toBe('zh-TW');
    expect(pickLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(pickLanguage(['ja', 'ko'])).toBe('en');
    expect(pickLanguage([])).toBe('en');
  });
});
