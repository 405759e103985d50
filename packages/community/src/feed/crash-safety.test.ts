import type { EventBus } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv } from '../test-helpers.ts';

interface User {
  token: string;
  id: string;
}

/**
 * Simulates the process dying right after each write's transaction commits: from then on,
 * nothing the bus would do happens. `deliver` does nothing, so recorded events stay in the
 * outbox as a crash leaves them. An event written outside any transaction (`record` on the
 * root connection, or `publish`, which is exactly that plus `deliver`) can only be written
 * after the change it announces committed on its own, so the crash loses it: dropped here.
 * Code that records inside the write's transaction keeps its event; code that publishes after
 * the write loses it, and the convergence checks below then fail.
 * Answers a function that brings the bus back, as the next start of the process would.
 */
function crashAfterEachCommit(bus: EventBus): () => void {
  const { record, deliver, publish } = bus;
  bus.deliver = async () => {};
  bus.publish = async () => {};
  bus.record = async (db, topic, payload) => {
    if (db.isTransaction) await record(db, topic, payload);
  };
  return () => Object.assign(bus, { record, deliver, publish });
}

describe.each(testDatabases())('events survive a crash between commit and delivery on $name', (target) => {
  let server: TestServer;
  let ann: User;
  let bob: User;

  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      ...testMediaEnv(),
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
    });
    ann = await signUpForTest(server.app, 'ann_crash');
    bob = await signUpForTest(server.app, 'bob_crash');
  });
  afterAll(() => server.close());

  const get = async <T>(url: string, user: User): Promise<T> => {
    const res = await server.app.inject({ method: 'GET', url, headers: bearer(user.token) });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json() as T;
  };
  const feedIds = async (user: User) =>
    (await get<{ items: NoteView[] }>('/api/v1/feed/following', user)).items.map((n) => n.id);
  const searchIds = async (query: string, user: User) =>
    (await get<{ items: { id: string }[] }>(`/api/v1/search?q=${encodeURIComponent(query)}`, user)).items.map(
      (n) => n.id,
    );
  /** The user's notifications of one kind, as kind and note id. */
  const notified = async (user: User, kind: string) =>
    (
      await get<{ items: { kind: string; note: { id: string } | null }[] }>('/api/v1/notifications', user)
    ).items
      .filter((n) => n.kind === kind)
      .map((n) => n.note?.id);
  const outboxSize = async () => {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from outbox`.execute(
      server.platform.database.db,
    );
    return Number(rows[0]?.n ?? 0);
  };

  it('delivers a note to its follower’s timeline, search and notifications on the next start', async () => {
    const followed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/ann_crash/follow',
      headers: bearer(bob.token),
    });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(await outboxSize()).toBe(0);

    const restart = crashAfterEachCommit(server.platform.bus);
    let note: NoteView;
    try {
      server.clock.advance(1_000);
      note = await createTestNote(server.app, ann.token, {
        title: 'Lanterns over Jiufen',
        body: 'Evening walk with @bob_crash',
      });
      const liked = await server.app.inject({
        method: 'POST',
        url: `/api/v1/notes/${note.id}/like`,
        headers: bearer(bob.token),
      });
      expect(liked.statusCode, liked.body).toBe(200);

      // The writes committed but no subscriber ran: only the outbox knows about them. (Still
      // "crashed" while looking, or the server's outbox sweep could deliver in between.)
      expect(await outboxSize()).toBe(2);
      expect(await feedIds(bob)).not.toContain(note.id);
      expect(await searchIds('Jiufen', bob)).not.toContain(note.id);
      expect(await notified(ann, 'like')).toEqual([]);
      expect(await notified(bob, 'mention')).toEqual([]);
    } finally {
      restart();
    }

    // What the next start does before it serves anyone.
    await server.platform.bus.deliver();

    expect(await outboxSize()).toBe(0);
    expect(await feedIds(bob)).toContain(note.id);
    expect(await searchIds('Jiufen', bob)).toContain(note.id);
    expect(await notified(ann, 'like')).toEqual([note.id]);
    expect(await notified(bob, 'mention')).toEqual([note.id]);
  });
});
