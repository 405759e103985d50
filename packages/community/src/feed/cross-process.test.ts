import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteCard } from '../contracts.ts';
import { createTestNote } from '../test-helpers.ts';
import {
  type FeedTestServer,
  readUntil,
  sharedTestDatabases,
  startTwoProcesses,
  type TestUser as User,
} from './test-setup.ts';

const redisUrl = process.env.PLAZA_TEST_REDIS_URL;

/**
 * Two processes serving one site on one database and one Redis: a change made through one
 * shows on the other's cached following feed as soon as the invalidation arrives, not after
 * the caches' time to live (neither clock moves here, so nothing expires).
 */
// Runs only with PLAZA_TEST_REDIS_URL (as CI sets it): without Redis there is no channel to test.
describe.skipIf(!redisUrl).each(sharedTestDatabases())('two processes sharing Redis on $name', (target) => {
  let writer: FeedTestServer;
  let reader: FeedTestServer;
  let ola: User;
  let pim: User;
  let roy: User;

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ writer, reader, close } = await startTwoProcesses(target, redisUrl as string));
    ola = await writer.signUp('ola_proc', 'zh-TW');
    pim = await writer.signUp('pim_proc', 'en');
    roy = await writer.signUp('roy_proc', 'en');
    await writer.send('POST', '/api/v1/accounts/ola_proc/follow', pim);
  });
  afterAll(async () => close?.());

  /** Reads the reader process's feed until `check` holds, for a bounded number of reads. */
  const readerSees = (user: User, check: (items: NoteCard[]) => boolean) =>
    readUntil(async () => (await reader.following(user)).items, check);
  const post = (title: string) => {
    writer.server.clock.advance(1_000);
    return createTestNote(writer.server.app, ola.token, { title });
  };
  const cardOf = (items: NoteCard[], id: string) => items.find((c) => c.id === id);

  it('puts a note published through the other process on top of a cached first page', async () => {
    const first = await post('first');
    expect((await readerSees(pim, (items) => items[0]?.id === first.id))[0]?.id).toBe(first.id);
    const second = await post('second');
    expect((await readerSees(pim, (items) => items[0]?.id === second.id))[0]?.id).toBe(second.id);
  });

  it('shows likes and unlikes made through the other process, counts and the liker’s own state', async () => {
    const note = await post('like across');
    const before = await readerSees(pim, (items) => cardOf(items, note.id) !== undefined);
    expect(cardOf(before, note.id)).toMatchObject({ likeCount: 0, liked: false });
    await writer.send('POST', `/api/v1/notes/${note.id}/like`, roy);
    const liked = await readerSees(pim, (items) => cardOf(items, note.id)?.likeCount === 1);
    expect(cardOf(liked, note.id)).toMatchObject({ likeCount: 1, liked: false });
    await writer.send('POST', `/api/v1/notes/${note.id}/like`, pim);
    const mine = await readerSees(pim, (items) => cardOf(items, note.id)?.liked === true);
    expect(cardOf(mine, note.id)).toMatchObject({ likeCount: 2, liked: true });
    await writer.send('DELETE', `/api/v1/notes/${note.id}/like`, pim);
    await writer.send('DELETE', `/api/v1/notes/${note.id}/like`, roy);
    const unliked = await readerSees(pim, (items) => cardOf(items, note.id)?.likeCount === 0);
    expect(cardOf(unliked, note.id)).toMatchObject({ likeCount: 0, liked: false });
  });

  it('drops a note deleted through the other process', async () => {
    const note = await post('delete across');
    const before = await readerSees(pim, (items) => cardOf(items, note.id) !== undefined);
    expect(cardOf(before, note.id)).toBeDefined();
    await writer.send('DELETE', `/api/v1/notes/${note.id}`, ola);
    const after = await readerSees(pim, (items) => cardOf(items, note.id) === undefined);
    expect(cardOf(after, note.id)).toBeUndefined();
  });
});
