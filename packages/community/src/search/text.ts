import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';
import { stemmer } from 'stemmer';
import { toSimplified } from '../notes/chinese.ts';

/**
 * The one text pipeline for search, applied to documents and queries alike so both sides
 * meet on the same tokens: NFKC, lower case, accents stripped, Traditional folded to
 * Simplified, Chinese segmented with jieba, English stemmed. Tokens hold only letters and
 * digits, so SQLite (FTS5) and PostgreSQL (tsvector) store exactly the same terms.
 */

// jieba's bundled dictionary ships as a CommonJS module reading dict.txt from disk.
const require = createRequire(import.meta.url);
let jieba: Jieba | undefined;
function segmenter(): Jieba {
  jieba ??= Jieba.withDict((require('@node-rs/jieba/dict') as { dict: Uint8Array }).dict);
  return jieba;
}

// Longer "words" are noise (hashes, runs of one letter) and PostgreSQL bounds lexemes.
const TOKEN_CHARS_MAX = 64;
// A note is ≤ 1,000 characters, so this only bounds pathological input.
const DOCUMENT_TOKENS_MAX = 4_000;
const QUERY_TERMS_MAX = 12;

const RUN_RE = /(\p{Script=Han}+)|([\p{L}\p{N}]+)/gu;
const ENGLISH_WORD_RE = /^[a-z]+$/;
const TOKEN_RE = /^[\p{L}\p{N}]+$/u;

/** Case, width, accents and script folded: the form both sides are compared in. */
export function normalize(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
  return toSimplified(folded);
}

const clip = (token: string) => [...token].slice(0, TOKEN_CHARS_MAX).join('');
const isToken = (token: string) => TOKEN_RE.test(token);

interface Run {
  text: string;
  han: boolean;
}

function runsOf(text: string): Run[] {
  return [...normalize(text).matchAll(RUN_RE)].map((m) => ({ text: m[0], han: m[1] !== undefined }));
}

/**
 * Index terms of a document: search-mode segmentation (every dictionary word inside longer
 * words), every single Han character (so any one-character query finds it), and for
 * English both the stem and the word (the word lets a half-typed last query word match).
 * @example documentTokens('台灣美食 Running') → ['台湾', '美食', '台', '湾', '美', '食', 'run', 'running']
 */
export function documentTokens(text: string): string[] {
  const tokens = new Set<string>();
  for (const run of runsOf(text)) {
    if (tokens.size >= DOCUMENT_TOKENS_MAX) break;
    if (run.han) {
      for (const word of segmenter().cutForSearch(run.text, true)) tokens.add(word);
      for (const char of run.text) tokens.add(char);
    } else if (ENGLISH_WORD_RE.test(run.text)) {
      tokens.add(stemmer(run.text));
      tokens.add(run.text);
    } else {
      tokens.add(run.text);
    }
  }
  return [...tokens].map(clip).filter(isToken).slice(0, DOCUMENT_TOKENS_MAX);
}

/** A query term: any of `alternatives` must match; `prefix` matches terms starting with it. */
export interface QueryTerm {
  alternatives: string[];
  prefix: boolean;
}

/**
 * Terms of a query, all of which must match. Chinese is cut in precise mode (the words a
 * document's search-mode cut also holds); English words match by stem. The last term is a
 * prefix, so results follow the user's typing; its unstemmed form is an alternative because
 * a half-typed word ("runn") has no useful stem.
 * @example queryTerms('台灣 美食') → [{alternatives: ['台湾']}, {alternatives: ['美食'], prefix: true}]
 */
export function queryTerms(query: string): QueryTerm[] {
  const words: { stem: string; raw: string }[] = [];
  for (const run of runsOf(query)) {
    if (run.han) {
      for (const word of segmenter().cut(run.text, true)) words.push({ stem: word, raw: word });
    } else if (ENGLISH_WORD_RE.test(run.text)) {
      words.push({ stem: stemmer(run.text), raw: run.text });
    } else {
      words.push({ stem: run.text, raw: run.text });
    }
  }
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const kept = words
    .map((w) => ({ stem: clip(w.stem), raw: clip(w.raw) }))
    .filter((w) => isToken(w.stem) && isToken(w.raw));
  kept.forEach((word, index) => {
    const last = index === kept.length - 1;
    const alternatives = last && word.raw !== word.stem ? [word.stem, word.raw] : [word.stem];
    const key = `${last}:${alternatives.join(' ')}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ alternatives, prefix: last });
  });
  // Keep the last (prefix) term when trimming: it is the one the user is typing.
  return terms.length > QUERY_TERMS_MAX ? [...terms.slice(0, QUERY_TERMS_MAX - 1), terms.at(-1)!] : terms;
}

/**
 * FTS5 MATCH syntax. Every term is a double-quoted string of letters and digits, so no
 * query can carry FTS5 operators, column filters or quotes.
 */
export function toFts5Query(terms: QueryTerm[]): string {
  return terms
    .map((t) => `(${t.alternatives.map((a) => `"${a}"${t.prefix ? '*' : ''}`).join(' OR ')})`)
    .join(' AND ');
}

/**
 * tsquery input syntax, cast with `::tsquery` (no parser, no dictionary), matching the
 * tsvector built from the same tokens. Lexemes hold only letters and digits, so quoting
 * cannot be broken out of.
 */
export function toTsQuery(terms: QueryTerm[]): string {
  return terms
    .map((t) => `(${t.alternatives.map((a) => `'${a}'${t.prefix ? ':*' : ''}`).join(' | ')})`)
    .join(' & ');
}
