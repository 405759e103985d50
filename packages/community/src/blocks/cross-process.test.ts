import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
 * A block made through one process hides the blocker from the blocked account on every other
 * process as soon as the invalidation arrives, not after the other process re-reads its cached
 * block lists (neither clock moves here, so nothing would ever be re-read).
 */
// Runs only with PLAZA_TEST_REDIS_URL (as CI sets it): without Redis there is no channel to test.
describe.skipIf(!redisUrl).each(sharedTestDatabases())('blocks across processes on $name', (target) => {
  let writer: FeedTestServer;
  let reader: FeedTestServer;
  let ana: User;
  let bo: User;

  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ writer, reader, close } = await startTwoProcesses(target, redisUrl as string));
    ana = await writer.signUp('ana_block', 'zh-TW');
    bo = await writer.signUp('bo_block', 'en');
  });
  afterAll(async () => close?.());

  /** Asks the reader process for `url` as `user` until it answers `status`, a bounded number of times. */
  const readerAnswers = (url: string, user: User, status: number) =>
    readUntil(
      async () => (await reader.request('GET', url, user)).statusCode,
      (answer) => answer === status,
    );

  it('hides the blocker’s note from the blocked account on the other process, and shows it after the unblock', async () => {
    const note = await createTestNote(writer.server.app, ana.token, { title: 'block across' });
    const url = `/api/v1/notes/${note.id}`;
    expect(await readerAnswers(url, bo, 200)).toBe(200);
    expect((await writer.send('POST', '/api/v1/accounts/bo_block/block', ana)).statusCode).toBeLessThan(300);
    expect(await readerAnswers(url, bo, 404)).toBe(404);
    expect((await writer.send('DELETE', '/api/v1/accounts/bo_block/block', ana)).statusCode).toBeLessThan(
      300,
    );
    expect(await readerAnswers(url, bo, 200)).toBe(200);
  });
});
