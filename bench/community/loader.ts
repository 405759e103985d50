import { createIdGenerator, ManualClock } from '@plaza/kernel';
import { type BulkTarget, type Column, withoutIndexes } from './bulk.ts';
import type { Fixture } from './fixture.ts';
import { loadSearch } from './search-load.ts';

/*
 * The fixture loader. It BYPASSES the services on purpose, for speed: signing up 10,000
 * accounts through the API means 10,000 argon2 hashes, and 200,000 notes through the notes
 * service means a fan-out to every follower per note. Instead it writes the modules' tables
 * directly, in batches, and must therefore write exactly what the services would have
 * written, derived tables included. Each step names the code it mirrors; when a module
 * changes what it stores, the matching step here has to change with it.
 */

const text = (name: string): Column => ({ name, type: 'text' });
const int8 = (name: string): Column => ({ name, type: 'int8' });
const int4 = (name: string): Column => ({ name, type: 'int4' });

export interface LoadOptions {
  /** One argon2id hash (kernel hashPassword) shared by every account: hashing is not measured. */
  passwordHash: string;
  sessionTtlMs: number;
  /** Writes the uploads (media.ts): needs the accounts in place first. */
  loadMedia(): Promise<number>;
  log(step: string, rows: number, ms: number): void;
}

async function timed(options: LoadOptions, step: string, work: () => Promise<number>): Promise<void> {
  const started = performance.now();
  const rows = await work();
  options.log(step, rows, performance.now() - started);
}

/** kernel auth: accounts as createAccount inserts them; profiles as profiles.update upserts them. */
async function loadAccounts(target: BulkTarget, { accounts }: Fixture, passwordHash: string) {
  const sink = target.sink('accounts', [
    text('id'),
    text('handle'),
    text('email'),
    text('password_hash'),
    text('role'),
    text('language'),
    int8('created_at'),
  ]);
  for (let i = 0; i < accounts.ids.length; i += 1) {
    const handle = accounts.handles[i]!;
    await sink.push([
      accounts.ids[i]!,
      handle,
      `${handle}@bench.test`,
      passwordHash,
      'user',
      accounts.languages[i]!,
      accounts.createdAt[i]!,
    ]);
  }
  await sink.end();
  return accounts.ids.length;
}

async function loadProfiles(target: BulkTarget, { accounts }: Fixture) {
  const sink = target.sink('profiles', [
    text('account_id'),
    text('display_name'),
    text('bio'),
    text('avatar_media_id'),
    int8('updated_at'),
  ]);
  let rows = 0;
  for (let i = 0; i < accounts.ids.length; i += 1) {
    // An account that never edited its profile has no row (the defaults are implied).
    if (accounts.displayNames[i] === null) continue;
    const avatar = accounts.hasAvatar[i] ? accounts.mediaIds[i]![0]! : null;
    await sink.push([
      accounts.ids[i]!,
      accounts.displayNames[i]!,
      accounts.bios[i]!,
      avatar,
      accounts.createdAt[i]! + 3_600_000,
    ]);
    rows += 1;
  }
  await sink.end();
  return rows;
}

/** social/follows/store.ts insert: the follow row, and both sides' counters bumped. */
async function loadFollows(target: BulkTarget, { accounts, follows }: Fixture) {
  const sink = target.sink('social_follows', [text('follower_id'), text('followee_id'), int8('created_at')]);
  const followers = new Int32Array(accounts.ids.length);
  for (let follower = 0; follower < accounts.ids.length; follower += 1) {
    for (let k = follows.offsets[follower]!; k < follows.offsets[follower + 1]!; k += 1) {
      const followee = follows.targets[k]!;
      followers[followee]! += 1;
      await sink.push([accounts.ids[follower]!, accounts.ids[followee]!, follows.at[k]!]);
    }
  }
  await sink.end();
  const counts = target.sink('social_follow_counts', [
    text('account_id'),
    int4('followers'),
    int4('following'),
  ]);
  for (let a = 0; a < accounts.ids.length; a += 1) {
    const following = follows.offsets[a + 1]! - follows.offsets[a]!;
    // `bump` creates a row the first time an account is on either side of a follow.
    if (following > 0 || followers[a]! > 0) await counts.push([accounts.ids[a]!, followers[a]!, following]);
  }
  await counts.end();
  return follows.targets.length;
}

/** notes/service.ts create: the note row, its images (note_media) and topics (note_topics). */
async function loadNotes(target: BulkTarget, { accounts, notes }: Fixture) {
  const rows = target.sink('notes', [
    ...['id', 'author_id', 'title', 'body', 'language', 'status', 'topics', 'explicit_topics'].map(text),
    text('mention_ids'),
    ...['like_count', 'collect_count', 'comment_count'].map(int4),
    int8('created_at'),
    int8('updated_at'),
  ]);
  for (let i = 0; i < notes.ids.length; i += 1) {
    const t = notes.text[i]!;
    const at = notes.createdAt[i]!;
    const likes = notes.likes.offsets[i + 1]! - notes.likes.offsets[i]!;
    const status = notes.published[i] ? 'published' : 'draft';
    const author = accounts.ids[notes.author[i]!]!;
    const content = [t.title, t.body, t.language, status, t.topicsJson, t.explicitJson, '[]'];
    await rows.push([notes.ids[i]!, author, ...content, likes, 0, 0, at, at]);
  }
  // Child rows after every note is stored: their foreign keys point at the notes.
  await rows.end();
  const media = target.sink('note_media', [text('note_id'), int4('position'), text('media_id')]);
  const topics = target.sink('note_topics', [text('topic_key'), text('note_id'), int8('created_at')]);
  for (let i = 0; i < notes.ids.length; i += 1) {
    const id = notes.ids[i]!;
    const uploads = accounts.mediaIds[notes.author[i]!]!;
    for (let p = 0; p < notes.imageCount[i]!; p += 1) await media.push([id, p, uploads[p]!]);
    // replaceTopics writes a draft's topics too; only the topic page filters on status.
    for (const key of notes.text[i]!.topicKeys) await topics.push([key, id, notes.createdAt[i]!]);
  }
  await media.end();
  await topics.end();
  return notes.ids.length;
}

/** social/likes: one row per like; the note's like_count (above) is the number of rows. */
async function loadLikes(target: BulkTarget, { accounts, notes }: Fixture) {
  const sink = target.sink('social_likes', [text('account_id'), text('note_id'), int8('created_at')]);
  const { offsets, targets, at } = notes.likes;
  for (let i = 0; i < notes.ids.length; i += 1) {
    for (let k = offsets[i]!; k < offsets[i + 1]!; k += 1)
      await sink.push([accounts.ids[targets[k]!]!, notes.ids[i]!, at[k]!]);
  }
  await sink.end();
  return targets.length;
}

/** feed/timeline.ts deliver: rows of the author's and followers' timelines (see timeline.ts). */
async function loadTimeline(target: BulkTarget, { accounts, notes, timelines }: Fixture) {
  const sink = target.sink('timeline', [
    text('account_id'),
    text('note_id'),
    text('author_id'),
    int8('created_at'),
  ]);
  for (let a = 0; a < accounts.ids.length; a += 1) {
    for (let k = timelines.offsets[a]!; k < timelines.offsets[a + 1]!; k += 1) {
      const note = timelines.notes[k]!;
      await sink.push([
        accounts.ids[a]!,
        notes.ids[note]!,
        accounts.ids[notes.author[note]!]!,
        notes.createdAt[note]!,
      ]);
    }
  }
  await sink.end();
  return timelines.notes.length;
}

/** kernel auth startSession: only the token's SHA-256 is stored; the bench keeps the tokens. */
async function loadSessions(target: BulkTarget, { accounts, sessions, nowMs }: Fixture, ttlMs: number) {
  const sink = target.sink('sessions', [
    text('id'),
    text('account_id'),
    text('token_hash'),
    int8('created_at'),
    int8('expires_at'),
  ]);
  const clock = new ManualClock(nowMs);
  const ids = createIdGenerator(clock);
  for (const session of sessions) {
    await sink.push([ids.next(), accounts.ids[session.account]!, session.tokenHash, nowMs, nowMs + ttlMs]);
  }
  await sink.end();
  return sessions.length;
}

/** Writes the whole fixture; the schema must already be migrated. */
export async function loadFixture(target: BulkTarget, fixture: Fixture, options: LoadOptions): Promise<void> {
  await timed(options, 'accounts', () => loadAccounts(target, fixture, options.passwordHash));
  await timed(options, 'media', options.loadMedia);
  await timed(options, 'profiles', () => loadProfiles(target, fixture));
  await timed(options, 'follows', () =>
    withoutIndexes(target, 'social_follows', () => loadFollows(target, fixture)),
  );
  await timed(options, 'notes', () => loadNotes(target, fixture));
  await timed(options, 'likes', () =>
    withoutIndexes(target, 'social_likes', () => loadLikes(target, fixture)),
  );
  await timed(options, 'timeline', () =>
    withoutIndexes(target, 'timeline', () => loadTimeline(target, fixture)),
  );
  await timed(options, 'search index', () => loadSearch(target, fixture));
  await timed(options, 'sessions', () => loadSessions(target, fixture, options.sessionTtlMs));
  if (target.dialect === 'postgres') {
    // Autovacuum vacuums and analyzes tables soon after a load this size (PostgreSQL 13+
    // also triggers on inserts); do it now so statistics and the visibility map describe
    // the data being measured, as they would in a running deployment.
    await timed(options, 'vacuum analyze', async () => {
      await target.exec('vacuum analyze');
      return 0;
    });
  }
}
