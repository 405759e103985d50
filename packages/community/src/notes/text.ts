import type { FieldIssue } from '@plaza/kernel/errors';
import { bidiIssue, bidiSafe } from '@plaza/kernel/text';
import { toSimplified } from './chinese.ts';

export const TITLE_MAX = 20;
export const BODY_MAX = 1000;
export const TOPIC_MAX_CHARS = 30;
export const TOPICS_MAX = 10;
export const MENTIONS_MAX = 20;

// Zero-width characters are invisible: they must not count toward a limit or hide inside
// words. ZWJ/ZWNJ are kept between two non-ASCII characters, where they join emoji
// sequences and shape Indic or Persian script, and dropped elsewhere.
const ALWAYS_INVISIBLE = /[\u200B\u2060\uFEFF\u180E]/g;
const STRAY_JOINERS = /(?<!\P{ASCII})[\u200C\u200D]|[\u200C\u200D](?!\P{ASCII})/gu;
const ANY_ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u180E]/g;
const LONE_SURROGATE = /\p{Cs}/u;
const TITLE_CONTROL = /\p{Cc}/u;
const BODY_CONTROL = /[^\P{Cc}\n\t]/u;

function stripZeroWidth(text: string): string {
  return text.replace(ALWAYS_INVISIBLE, '').replace(STRAY_JOINERS, '');
}

/**
 * A title's length as RedNote counts it: each non-ASCII UTF-16 unit (a CJK character) is 1,
 * each ASCII character ½, zero-width characters nothing.
 * @example titleLength('台灣美食') === 4; titleLength('Taipei eats') === 5.5
 */
export function titleLength(title: string): number {
  let halves = 0;
  const visible = title.replace(ANY_ZERO_WIDTH, '');
  for (let i = 0; i < visible.length; i += 1) halves += visible.charCodeAt(i) < 0x80 ? 1 : 2;
  return halves / 2;
}

/** Characters as a person counts them: code points, zero-width ones left out. */
export function bodyLength(body: string): number {
  return [...body.replace(ANY_ZERO_WIDTH, '')].length;
}

/** Cleans and checks a title; issues are field-level for problem+json. */
export function cleanTitle(raw: string): { value: string; issues: FieldIssue[] } {
  const value = stripZeroWidth(raw.normalize('NFC')).trim();
  const issues: FieldIssue[] = [];
  const bidi = bidiSafe(raw, 'line');
  if (!bidi.ok) issues.push(bidiIssue('/title', bidi.found));
  else if (value === '') issues.push({ field: '/title', code: 'empty', message: 'must not be empty' });
  else if (LONE_SURROGATE.test(value) || TITLE_CONTROL.test(value))
    issues.push({
      field: '/title',
      code: 'control_characters',
      message: 'contains control or invalid characters',
    });
  else if (titleLength(value) > TITLE_MAX)
    issues.push({
      field: '/title',
      code: 'title_too_long',
      params: { max: TITLE_MAX },
      message: `is ${titleLength(value)} long; at most ${TITLE_MAX} (a Chinese character counts 1, a Latin letter ½)`,
    });
  return { value, issues };
}

/**
 * Cleans and checks a body: newlines unified, direction embeddings, overrides and isolates
 * dropped (`bidiSafe`), only newline and tab allowed as controls.
 */
export function cleanBody(raw: string): { value: string; issues: FieldIssue[] } {
  const prose = bidiSafe(raw.normalize('NFC').replace(/\r\n?/g, '\n'), 'prose');
  const value = stripZeroWidth(prose.text).trim();
  const issues: FieldIssue[] = [];
  if (LONE_SURROGATE.test(value) || BODY_CONTROL.test(value))
    issues.push({
      field: '/body',
      code: 'control_characters',
      message: 'contains control characters other than newline and tab',
    });
  else if (bodyLength(value) > BODY_MAX)
    issues.push({
      field: '/body',
      code: 'too_long',
      params: { max: BODY_MAX },
      message: `has ${bodyLength(value)} characters; at most ${BODY_MAX}`,
    });
  return { value, issues };
}

const TOPIC_RE = /^[\p{L}\p{M}\p{N}_]+$/u;
// A tag starts after a space, punctuation or the start: `page#anchor` and `&#39;` are not tags.
const BODY_TAG_RE = /(?<![\p{L}\p{M}\p{N}_&/#])#([\p{L}\p{M}\p{N}_]+)/gu;
const MENTION_RE = /(?<![\p{L}\p{M}\p{N}_.@])@([A-Za-z0-9_]{3,30})(?![A-Za-z0-9_])/gu;

/**
 * The key a topic is stored and looked up by: NFKC, lower case, no leading `#`, Traditional
 * folded to Simplified so #台灣美食 and #台湾美食 are one topic.
 * @example topicKey('#台灣美食') === topicKey('台湾美食')
 */
export function topicKey(topic: string): string {
  // Trimmed on both sides of the `#`s: ' #夜市' and '# 夜市' are the topic 夜市.
  return toSimplified(topic.normalize('NFKC').trim().replace(/^#+/, '').trim().toLowerCase());
}

/**
 * Topics from the explicit list and `#tags` in the body, as first written, one per key.
 * `explicit` issues point at `/topics/<i>`, body tag issues at `/body`.
 */
export function collectTopics(explicit: string[], body: string): { topics: string[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const candidates: { name: string; field: string }[] = [];
  explicit.forEach((raw, index) => {
    const bidi = bidiSafe(raw, 'line');
    if (!bidi.ok) issues.push(bidiIssue(`/topics/${index}`, bidi.found));
    else candidates.push({ name: raw.normalize('NFC').trim().replace(/^#+/, ''), field: `/topics/${index}` });
  });
  for (const match of body.matchAll(BODY_TAG_RE)) candidates.push({ name: match[1]!, field: '/body' });
  const byKey = new Map<string, string>();
  for (const { name, field } of candidates) {
    if (!TOPIC_RE.test(name)) {
      issues.push({
        field,
        code: 'topic_characters',
        params: { topic: name },
        message: `topic "${name}" may hold only letters, digits and _`,
      });
    } else if ([...name].length > TOPIC_MAX_CHARS) {
      issues.push({
        field,
        code: 'topic_too_long',
        params: { topic: name, max: TOPIC_MAX_CHARS },
        message: `topic "${name}" is longer than ${TOPIC_MAX_CHARS} characters`,
      });
    } else if (!byKey.has(topicKey(name))) {
      byKey.set(topicKey(name), name);
    }
  }
  if (byKey.size > TOPICS_MAX)
    issues.push({
      field: '/topics',
      code: 'too_many_topics',
      params: { max: TOPICS_MAX },
      message: `has ${byKey.size} topics; at most ${TOPICS_MAX}`,
    });
  return { topics: [...byKey.values()], issues };
}

/** Distinct `@handle`s in a body, lower-cased, in order of appearance. */
export function mentionedHandles(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_RE)].map((m) => m[1]!.toLowerCase()))];
}

/** Text without `@handles` and links (Latin noise in any language), for language detection. */
export function proseOf(text: string): string {
  return text.replace(MENTION_RE, ' ').replace(/https?:\/\/\S+/g, ' ');
}
