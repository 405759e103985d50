import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Platform } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestDatabase,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv, uploadTestImage } from '../test-helpers.ts';
import { downloadExport } from './export-test-support.ts';

const PASSWORD = 'correct horse battery';

/** Every row of every table of the test database, as one string to search. */
async function dumpEveryTable(platform: Platform): Promise<string> {
  const db = platform.database.db;
  const names =
    platform.dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from sqlite_master where type = 'table'`.execute(db)
      : await sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db);
  expect(names.rows.map((r) => r.name)).toEqual(
    expect.arrayContaining(['accounts', 'profiles', 'notifications']),
  );
  const dumps: string[] = [];
  for (const { name } of names.rows) {
    const rows = await sql`select * from ${sql.table(name)}`.execute(db);
    dumps.push(`${name}: ${JSON.stringify(rows.rows)}`);
  }
  return dumps.join('\n');
}

/** Every piece of text the victim wrote, which must all be gone after deletion. */
const textsOf = (handle: string) => ({
  bio: `Orchid keeper 蘭花祕密 of ${handle}`,
  displayName: `Vera ${handle}`,
  title: `${handle}的筆記`,
  body: `Secret body of ${handle} 內文`,
  comment: `Remark by ${handle} 留言`,
});

async function ok(
  server: TestServer,
  token: string,
  method: 'POST' | 'PATCH',
  url: string,
  payload: object = {},
) {
  const res = await server.app.inject({ method, url, headers: bearer(token), payload });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res;
}

/**
 * A victim with a profile and avatar, a note, a block, follows, likes and comments in both
 * directions with a friend (so notifications run both ways), all made through the API.
 */
async function populate(server: TestServer, handle: string) {
  const text = textsOf(handle);
  const victim = await signUpForTest(server.app, handle);
  const friend = await signUpForTest(server.app, `${handle}_pal`);
  await signUpForTest(server.app, `${handle}_foe`);
  const avatar = await uploadTestImage(server.app, victim.token);
  await ok(server, victim.token, 'PATCH', '/api/v1/me', {
    displayName: text.displayName,
    bio: text.bio,
    avatarMediaId: avatar,
  });
  await ok(server, victim.token, 'POST', `/api/v1/accounts/${handle}_foe/block`);
  await ok(server, victim.token, 'POST', `/api/v1/accounts/${handle}_pal/follow`);
  await ok(server, friend.token, 'POST', `/api/v1/accounts/${handle}/follow`);
  const mine = await createTestNote(server.app, victim.token, { title: text.title, body: text.body });
  const theirs = await createTestNote(server.app, friend.token, { title: 'Friend note' });
  await ok(server, friend.token, 'POST', `/api/v1/notes/${mine.id}/like`);
  await ok(server, victim.token, 'POST', `/api/v1/notes/${theirs.id}/like`);
  await ok(server, victim.token, 'POST', `/api/v1/notes/${theirs.id}/collect`);
  await ok(server, victim.token, 'POST', `/api/v1/notes/${theirs.id}/comments`, { body: text.comment });
  return { victim, friend, avatar, text };
}

const deleteMe = (server: TestServer, token: string, password: string) =>
  server.app.inject({ method: 'DELETE', url: '/api/v1/me', headers: bearer(token), payload: { password } });

describe.each(testDatabases())('export and deletion on $name', (target) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
      ...testMediaEnv(),
    });
  });
  afterAll(() => server.close());

  it('exports everything the account owns as a zip attachment, to its owner only', async () => {
    const { victim, friend, avatar } = await populate(server, 'exporter');
    const { res, entries, json, lines } = await downloadExport(server.app, victim.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="plaza-export-exporter.zip"');
    expect(json('account.json')).toMatchObject({
      format: 'plaza-export/2',
      account: { id: victim.id, handle: 'exporter', email: 'exporter@example.test' },
    });
    const text = textsOf('exporter');
    expect(json('profile/profile.json')).toMatchObject({
      displayName: text.displayName,
      bio: text.bio,
      avatarMediaId: avatar,
    });
    expect(lines('blocks/blocks.jsonl')).toHaveLength(1);
    expect(lines('notifications/notifications.jsonl')).toEqual([
      expect.objectContaining({ kind: 'follow', actorId: friend.id, readAt: null }),
      expect.objectContaining({ kind: 'like', actorId: friend.id, readAt: null }),
    ]);
    // The avatar and the note's image: each original is there as a file, listed in media.jsonl.
    const media = lines('media/media.jsonl');
    expect(media.map((m) => m.id)).toContain(avatar);
    expect(media).toHaveLength(2);
    for (const m of media) expect(entries.has(`media/${m.file}`), m.file).toBe(true);
    // Every other module's part is there, with this account's content in it.
    const all = [...entries.values()].map((b) => b.toString('utf8')).join('\n');
    for (const piece of [text.title, text.body, text.comment]) expect(all).toContain(piece);
    expect(all).not.toContain('argon2');
    expect(all).not.toContain('password');

    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/me/export' });
    expect(anonymous.statusCode).toBe(401);
    const other = await signUpForTest(server.app, 'not_exporter');
    const theirs = await downloadExport(server.app, other.token);
    expect((theirs.json('account.json') as { account: { handle: string } }).account.handle).toBe(
      'not_exporter',
    );
    expect([...theirs.entries.values()].join('')).not.toContain(text.bio);
  });

  it('refuses to delete without the right password and keeps everything', async () => {
    const { token } = await signUpForTest(server.app, 'keeper');
    const wrong = await deleteMe(server, token, 'not my password');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: 'wrong_password',
      errors: [{ field: '/password', message: 'is wrong' }],
    });
    const missing = await server.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(token),
      payload: {},
    });
    expect(missing.statusCode).toBe(400);
    const still = await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
    expect(still.statusCode).toBe(200);
  });

  it('erases the account and everything it owns, leaving no trace in any table', async () => {
    const { victim, friend, avatar, text } = await populate(server, 'vanisher');
    const deleted: unknown[] = [];
    const stop = server.platform.bus.subscribe('account.deleted', (p) => {
      deleted.push(p);
    });
    const res = await deleteMe(server, victim.token, PASSWORD);
    stop();
    expect(res.statusCode).toBe(204);
    expect(deleted).toEqual([{ accountId: victim.id }]);

    const dump = await dumpEveryTable(server.platform);
    for (const needle of ['vanisher@', '"vanisher"', victim.id, avatar, ...Object.values(text)]) {
      expect(dump).not.toContain(needle);
    }
    // The uploaded files are gone too, not just their rows.
    const files = fs.readdirSync(server.platform.config.mediaDir, { recursive: true }).map(String);
    expect(files.filter((f) => f.includes(avatar))).toEqual([]);
    const again = await server.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: bearer(victim.token),
    });
    expect(again.statusCode).toBe(401);
    const login = await server.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'vanisher', password: PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/v1/accounts/vanisher' })).statusCode).toBe(
      404,
    );
    const unread = await server.app.inject({
      method: 'GET',
      url: '/api/v1/notifications/unread-count',
      headers: bearer(friend.token),
    });
    expect(unread.json()).toEqual({ unread: 0 });
  });
});

describe('deletion on an SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-erase-'));
  const file = path.join(dir, 'plaza.db');
  const target: TestDatabase = { name: 'sqlite', url: `sqlite:${file}` };
  let server: TestServer;
  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
      ...testMediaEnv(),
    });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves none of the account’s text in the raw database bytes', async () => {
    const { victim, text } = await populate(server, 'ghost_writer');
    const bytesOf = () =>
      Buffer.concat(
        [file, `${file}-wal`, `${file}-journal`]
          .filter((f) => fs.existsSync(f))
          .map((f) => fs.readFileSync(f)),
      );
    const needles = ['ghost_writer@example.test', victim.id, ...Object.values(text)];
    // The scan must be able to see the data while it exists, or its silence proves nothing.
    const before = bytesOf();
    for (const needle of needles) expect(before.includes(Buffer.from(needle, 'utf8')), needle).toBe(true);
    expect((await deleteMe(server, victim.token, PASSWORD)).statusCode).toBe(204);
    const after = bytesOf();
    for (const needle of needles) expect(after.includes(Buffer.from(needle, 'utf8'))).toBe(false);
  });
});
