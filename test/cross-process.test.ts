import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdminStatement } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, type PlazaProcess, startPlaza } from '../packages/cli/src/spawn.ts';
import { makeTestImage } from '../packages/community/src/test-helpers.ts';

/**
 * Two real Plaza servers, each a process of its own on its own port, sharing one PostgreSQL
 * database and one Redis: what one process changes must show on the other's cached answers
 * as soon as the invalidation arrives. The reader's caches would otherwise keep the old answer
 * for seconds (re-read after 2.5–10 s), longer than these reads wait.
 */
const databaseUrl = process.env.PLAZA_TEST_DATABASE_URL;
const redisUrl = process.env.PLAZA_TEST_REDIS_URL;

interface Answer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a JSON answer, read field by field below
  body: any;
}

async function call(
  base: string,
  method: string,
  url: string,
  token?: string,
  body?: unknown,
): Promise<Answer> {
  const response = await fetch(base + url, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Asks until `check` holds, at most 100 times 10 ms apart; answers the last value. */
async function readUntil<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !check(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}

// Runs only with PLAZA_TEST_DATABASE_URL and PLAZA_TEST_REDIS_URL (as CI sets both): two separate
// processes share nothing but the database and Redis, so without them there is nothing to share.
describe.skipIf(!databaseUrl || !redisUrl)('two Plaza processes on one PostgreSQL and one Redis', () => {
  const database = `plaza_two_${randomBytes(4).toString('hex')}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-two-'));
  let writer: PlazaProcess | undefined;
  let reader: PlazaProcess | undefined;
  let ana = '';
  let bo = '';
  let noteId = '';

  beforeAll(async () => {
    await runAdminStatement(databaseUrl as string, `create database ${database}`);
    const url = new URL(databaseUrl as string);
    url.pathname = `/${database}`;
    const env = {
      PLAZA_DATABASE_URL: url.toString(),
      PLAZA_REDIS_URL: redisUrl as string,
      PLAZA_DATA_DIR: dataDir,
      // Other suites sign up from 127.0.0.1 too, and the limit's counters live in the shared Redis.
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '100000',
    };
    // One after the other: the first migrates the new database.
    writer = await startPlaza(env, await freePort());
    reader = await startPlaza(env, await freePort());
    const signUp = async (handle: string) =>
      (
        await call(writer!.url, 'POST', '/api/v1/accounts', undefined, {
          handle,
          email: `${handle}@two.test`,
          password: 'two processes password',
          language: 'en',
        })
      ).body;
    ana = (await signUp('ana_two')).token;
    bo = (await signUp('bo_two')).token;
  }, 240_000);
  afterAll(async () => {
    await reader?.stop();
    await writer?.stop();
    await runAdminStatement(databaseUrl as string, `drop database if exists ${database} with (force)`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** bo's following feed as the reader process serves it. */
  const readerFeed = async () =>
    (await call(reader!.url, 'GET', '/api/v1/feed/following', bo)).body.items as {
      id: string;
      title: string;
      likeCount: number;
    }[];
  const cardOn = (items: Awaited<ReturnType<typeof readerFeed>>) => items.find((n) => n.id === noteId);

  it('a note, a like and an edit made through one process show on the other’s cached feed', async () => {
    expect((await call(writer!.url, 'POST', '/api/v1/accounts/ana_two/follow', bo)).status).toBe(200);
    const form = new FormData();
    form.append(
      'file',
      new Blob([await makeTestImage({ width: 200, height: 200 })], { type: 'image/png' }),
      'a.png',
    );
    const upload = await fetch(`${writer!.url}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ana}` },
      body: form,
    });
    const mediaId = ((await upload.json()) as { id: string }).id;
    const created = await call(writer!.url, 'POST', '/api/v1/notes', ana, {
      title: 'Two processes',
      mediaIds: [mediaId],
    });
    expect(created.status).toBe(201);
    noteId = created.body.id;

    // The reader's first answers fill its caches: timeline head, note state, author card.
    expect(cardOn(await readUntil(readerFeed, (items) => cardOn(items) !== undefined))).toMatchObject({
      likeCount: 0,
    });
    expect((await call(writer!.url, 'POST', `/api/v1/notes/${noteId}/like`, bo)).status).toBeLessThan(300);
    const liked = await readUntil(readerFeed, (items) => cardOn(items)?.likeCount === 1);
    expect(cardOn(liked)?.likeCount).toBe(1);

    expect(
      (await call(writer!.url, 'PATCH', `/api/v1/notes/${noteId}`, ana, { title: 'Edited' })).status,
    ).toBe(200);
    const edited = await readUntil(readerFeed, (items) => cardOn(items)?.title === 'Edited');
    expect(cardOn(edited)?.title).toBe('Edited');
  });

  it('a block made through one process hides the note on the other, and the unblock shows it again', async () => {
    const readNote = async () => (await call(reader!.url, 'GET', `/api/v1/notes/${noteId}`, bo)).status;
    expect(await readNote()).toBe(200);
    expect((await call(writer!.url, 'POST', '/api/v1/accounts/bo_two/block', ana)).status).toBe(200);
    expect(await readUntil(readNote, (status) => status === 404)).toBe(404);
    expect((await call(writer!.url, 'DELETE', '/api/v1/accounts/bo_two/block', ana)).status).toBe(200);
    expect(await readUntil(readNote, (status) => status === 200)).toBe(200);
  });
});
