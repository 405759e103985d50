import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../clock.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { createTestPlatform, type TestDatabase, type TestPlatform, testDatabases } from '../testing/index.ts';

const redisUrl = process.env.PLAZA_TEST_REDIS_URL;

/** SQLite on a file, so a second platform opens the same database; PostgreSQL as given. */
function sharedDatabases(): TestDatabase[] {
  return testDatabases().map((target) =>
    target.name === 'sqlite'
      ? {
          ...target,
          url: `sqlite:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-auth-')), 'db.sqlite')}`,
        }
      : target,
  );
}

/**
 * Two processes serving one site share sessions through the database and cache them each. A
 * session ended through one (log-out, password change) stops working on the other as soon as
 * the invalidation arrives through Redis, not when its cached copy is next re-read: neither
 * clock moves here, so without the message the other process would honour the token forever.
 */
// Runs only with PLAZA_TEST_REDIS_URL (as CI sets it): without Redis there is no channel to test.
describe.skipIf(!redisUrl).each(sharedDatabases())('sessions ended in another process ($name)', (target) => {
  let first: TestPlatform;
  let second: Platform;

  beforeAll(async () => {
    const env = { PLAZA_REDIS_URL: redisUrl as string };
    first = await createTestPlatform(target, [], env);
    const { config, database } = first.platform;
    second = createPlatform(
      loadConfig({ PLAZA_DATABASE_URL: config.resolvedDatabaseUrl, PLAZA_LOG_LEVEL: 'silent', ...env }),
      {
        clock: new ManualClock(),
        logger: createLogger('silent'),
        ...(database.schema ? { database: { schema: database.schema, poolSize: 2 } } : {}),
      },
    );
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** Asks the second process until it no longer knows the token, a bounded number of times. */
  async function secondForgets(token: string): Promise<boolean> {
    for (let i = 0; i < 200; i += 1) {
      if ((await second.auth.authenticate(token)) === null) return true;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return false;
  }

  async function signedIn(handle: string) {
    await first.platform.auth.signUp({
      handle,
      email: `${handle}@example.com`,
      password: 'correct horse battery',
      language: 'en',
    });
    return first.platform.auth.logIn(handle, 'correct horse battery');
  }

  it('a log-out on one process ends the session on the other', async () => {
    const { token, sessionId } = await signedIn('sess_logout');
    expect((await second.auth.authenticate(token))?.handle).toBe('sess_logout');
    await first.platform.auth.logOut(sessionId);
    expect(await secondForgets(token)).toBe(true);
  });

  it('a password change ends the other sessions on the other process and keeps the current one', async () => {
    const current = await signedIn('sess_password');
    const other = await first.platform.auth.logIn('sess_password', 'correct horse battery');
    expect((await second.auth.authenticate(other.token))?.handle).toBe('sess_password');
    expect((await second.auth.authenticate(current.token))?.handle).toBe('sess_password');
    const viewer = await first.platform.auth.authenticate(current.token);
    if (!viewer) throw new Error('the session just made is unknown');
    await first.platform.auth.changePassword(viewer, 'correct horse battery', 'a new horse battery');
    expect(await secondForgets(other.token)).toBe(true);
    // Forgotten there, the current session is read again from the database: still valid.
    expect((await second.auth.authenticate(current.token))?.handle).toBe('sess_password');
  });
});
