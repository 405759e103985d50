import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAdminStatement } from '@plaza/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, type PlazaProcess, startPlaza } from '../packages/cli/src/spawn.ts';
import { makeTestImage } from '../packages/community/src/test-helpers.ts';

/**
 * Kills a Plaza process with SIGKILL in the middle of traffic, starts it again on the same
 * data, retries what the clients never got an answer for, and checks that nothing was lost:
 * every note the author ever got (or gets on retry) an id for is on the author's profile and
 * in the follower's feed, every like the follower holds shows on the note's count and as a
 * notification to the author.
 */
interface Target {
  name: string;
  url: string;
  drop(): Promise<void>;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function targets(): Target[] {
  const list: Target[] = [
    { name: 'sqlite', url: `sqlite:${path.join(dataDir, 'crash.sqlite')}`, drop: async () => undefined },
  ];
  const admin = process.env.PLAZA_TEST_DATABASE_URL;
  if (admin) {
    const name = `plaza_crash_${randomBytes(4).toString('hex')}`;
    const url = new URL(admin);
    url.pathname = `/${name}`;
    list.push({
      name: 'postgres',
      url: url.toString(),
      drop: () => runAdminStatement(admin, `drop database if exists ${name} with (force)`),
    });
    list[list.length - 1]!.name = `postgres:${name}`;
  }
  return list;
}

class Client {
  constructor(
    private readonly base: () => string,
    public token = '',
  ) {}
  async call(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(this.base() + url, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text ? JSON.parse(text) : null,
      replayed: response.headers.get('idempotent-replayed') === 'true',
    };
  }
  async all(url: string): Promise<{ id: string; likeCount: number; viewer: { liked: boolean } | null }[]> {
    const items = [];
    let cursor: string | null = null;
    do {
      const page = await this.call(
        'GET',
        `${url}${url.includes('?') ? '&' : '?'}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    return items;
  }
}

describe.each(targets())('SIGKILL in the middle of traffic on $name', (target) => {
  let server: PlazaProcess | undefined;
  afterAll(async () => {
    await server?.stop();
    await target.drop();
  });

  it('loses nothing that was committed, and retries complete what was not', async () => {
    if (target.name.startsWith('postgres:'))
      await runAdminStatement(
        process.env.PLAZA_TEST_DATABASE_URL!,
        `create database ${target.name.slice('postgres:'.length)}`,
      );
    const env = {
      PLAZA_DATA_DIR: path.join(dataDir, target.name.replace(/\W/g, '_')),
      PLAZA_DATABASE_URL: target.url,
      PLAZA_ADMIN_PASSWORD: 'crash-test-admin-password',
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
      // Requests cut off by the kill left claims with no answer; let retries take them over soon.
      PLAZA_IDEMPOTENCY_ABANDON_SECONDS: '2',
    };
    const port = await freePort();
    server = await startPlaza(env, port);
    const base = () => (server as PlazaProcess).url;
    const author = new Client(base);
    const follower = new Client(base);
    author.token = (
      await author.call('POST', '/api/v1/accounts', {
        handle: 'crash_author',
        email: 'a@crash.test',
        password: 'crash test password',
        language: 'zh-TW',
      })
    ).body.token;
    follower.token = (
      await follower.call('POST', '/api/v1/accounts', {
        handle: 'crash_reader',
        email: 'b@crash.test',
        password: 'crash test password',
        language: 'en',
      })
    ).body.token;
    expect((await follower.call('POST', '/api/v1/accounts/crash_author/follow')).status).toBe(200);
    const form = new FormData();
    form.append(
      'file',
      new Blob([await makeTestImage({ width: 300, height: 400 })], { type: 'image/png' }),
      'a.png',
    );
    const upload = await fetch(`${base()}/api/v1/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${author.token}` },
      body: form,
    });
    const mediaId = ((await upload.json()) as { id: string }).id;

    // Traffic: notes posted with idempotency keys, each liked by the follower as soon as it exists.
    const keys = Array.from({ length: 80 }, (_, i) => `note-${i}`);
    const noteBody = (key: string) => ({
      title: `夜市 ${key}`,
      body: `第 ${key} 篇`,
      mediaIds: [mediaId],
      topics: ['crash'],
    });
    // Every note id the author was told before the kill, by its key: each is a promise kept.
    const acknowledged = new Map<string, string>();
    const post = async (key: string) => {
      const created = await author.call('POST', '/api/v1/notes', noteBody(key), { 'idempotency-key': key });
      if (created.status !== 201) return;
      acknowledged.set(key, created.body.id);
      await follower.call('POST', `/api/v1/notes/${created.body.id}/like`);
    };
    const traffic = Promise.allSettled(
      keys.map((key, i) => new Promise((r) => setTimeout(r, i * 25)).then(() => post(key))),
    );
    // Kill once a few answers came back, while later requests are still in flight.
    for (let waited = 0; acknowledged.size < 5 && waited < 30_000; waited += 10) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await server.kill();
    await traffic;
    // The kill must have landed mid-traffic for this test to mean anything.
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(acknowledged.size).toBeLessThan(keys.length);

    server = await startPlaza(env, port);
    // The clients retry everything they sent, with the same keys: each must end in one note.
    const ids = new Set<string>();
    for (const key of keys) {
      let retried = await author.call('POST', '/api/v1/notes', noteBody(key), { 'idempotency-key': key });
      for (let attempt = 0; retried.status === 409 && attempt < 20; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 500)); // a client backs off and retries
        retried = await author.call('POST', '/api/v1/notes', noteBody(key), { 'idempotency-key': key });
      }
      expect(retried.status, JSON.stringify(retried.body)).toBe(201);
      const promised = acknowledged.get(key);
      if (promised) {
        // An answered request is never run again: its retry replays the very same note.
        expect(retried.body.id, `retry of ${key}`).toBe(promised);
        expect(retried.replayed, `retry of ${key} replayed`).toBe(true);
      }
      ids.add(retried.body.id);
    }
    expect(ids.size).toBe(keys.length);

    const profile = await author.all('/api/v1/accounts/crash_author/notes');
    const feed = new Set((await follower.all('/api/v1/feed/following')).map((n) => n.id));
    // Count the notes of each key (its title names it): none lost, none doubled. A request cut
    // off after its note committed but before its answer was stored is run again by its retry,
    // which names the note by its key (kernel `idempotentId`) and so finds it instead of writing
    // a second.
    const perKey = new Map<string, number>();
    for (const note of profile) {
      const key = (note as unknown as { title: string }).title.replace('夜市 ', '');
      perKey.set(key, (perKey.get(key) ?? 0) + 1);
    }
    for (const key of keys) expect(perKey.get(key) ?? 0, `notes of ${key}`).toBe(1);
    expect(profile.length).toBe(keys.length);
    expect(new Set(perKey.keys())).toEqual(new Set(keys));
    expect(feed).toEqual(new Set(profile.map((n) => n.id)));
    for (const id of ids)
      expect(
        profile.some((n) => n.id === id),
        `note ${id} on the profile`,
      ).toBe(true);
    for (const note of profile)
      expect(feed.has(note.id), `note ${note.id} in the follower's feed`).toBe(true);

    const likedByFollower = new Set((await follower.all('/api/v1/me/likes')).map((n) => n.id));
    for (const note of profile)
      expect(note.likeCount, `like count of ${note.id}`).toBe(likedByFollower.has(note.id) ? 1 : 0);
    const notifications = (await author.call('GET', '/api/v1/notifications?limit=100')).body.items as {
      kind: string;
      note: { id: string } | null;
    }[];
    const likeNotes = new Set(notifications.filter((n) => n.kind === 'like').map((n) => n.note?.id));
    for (const id of likedByFollower) expect(likeNotes.has(id), `like notification for ${id}`).toBe(true);
  }, 240_000);
});
