import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteCard } from '../contracts.ts';
import {
  type FeedTestServer,
  readUntil,
  sharedTestDatabases,
  startTwoProcesses,
  type TestUser as User,
} from '../feed/test-setup.ts';
import { createTestNote } from '../test-helpers.ts';

const redisUrl = process.env.PLAZA_TEST_REDIS_URL;

/**
 * A profile edited through one process shows on the author cards of another process's cached
 * feed as soon as the invalidation arrives (neither clock moves here, so nothing expires).
 */
// Runs only with PLAZA_TEST_REDIS_URL (as CI sets it): without Redis there is no channel to test.
describe.skipIf(!redisUrl).each(sharedTestDatabases())('author cards across processes on $name', (target) => {
  let writer: FeedTestServer;
  let reader: FeedTestServer;
  let mei: User;
  let tom: User;

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ writer, reader, close } = await startTwoProcesses(target, redisUrl as string));
    mei = await writer.signUp('mei_card', 'zh-TW');
    tom = await writer.signUp('tom_card', 'en');
    await writer.send('POST', '/api/v1/accounts/mei_card/follow', tom);
  });
  afterAll(async () => close?.());

  /** Reads the reader process's feed until `check` holds, for a bounded number of reads. */
  const readerSees = (check: (items: NoteCard[]) => boolean) =>
    readUntil(async () => (await reader.following(tom)).items, check);

  it('shows a display name changed through the other process on a cached card', async () => {
    writer.server.clock.advance(1_000);
    const note = await createTestNote(writer.server.app, mei.token, { title: '名片' });
    const named = (name: string) => (items: NoteCard[]) =>
      items.find((c) => c.id === note.id)?.author.displayName === name;
    expect(named('mei_card')(await readerSees(named('mei_card')))).toBe(true);
    await writer.send('PATCH', '/api/v1/me', mei, { displayName: '小美' });
    expect(named('小美')(await readerSees(named('小美')))).toBe(true);
  });
});
