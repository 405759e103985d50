import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { NoteCard, RankedCandidate } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv } from '../test-helpers.ts';
import { diversify, engagementScore } from './discover.ts';
import { DEFAULT_SNAPSHOT_OPTIONS } from './snapshots.ts';

describe('discover ranking', () => {
  const candidate = (over: Partial<RankedCandidate>): RankedCandidate => ({
    id: 'n',
    authorId: 'a',
    status: 'published',
    topics: [],
    createdAt: 0,
    likeCount: 0,
    collectCount: 0,
    commentCount: 0,
    ...over,
  });

  it('weighs collects double and halves a score every half-life', () => {
    const nowMs = 10 * 3_600_000;
    const liked = engagementScore(candidate({ likeCount: 2, createdAt: nowMs }), nowMs, 3_600_000);
    const collected = engagementScore(candidate({ collectCount: 1, createdAt: nowMs }), nowMs, 3_600_000);
    expect(collected).toBe(liked);
    const older = engagementScore(
      candidate({ likeCount: 2, createdAt: nowMs - 3_600_000 }),
      nowMs,
      3_600_000,
    );
    expect(older).toBeCloseTo(liked / 2);
  });

  it('never puts an author twice within the window while enough authors remain', () => {
    const entries = fc.array(
      fc.record({ authorId: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.slice(0, 24)) }),
      {
        maxLength: 200,
      },
    );
    fc.assert(
      fc.property(entries, (ranked) => {
        const out = diversify(
          ranked.map((e, i) => ({ ...e, i })),
          20,
        );
        expect(out.map((e) => e.i).sort((x, y) => x - y)).toEqual(ranked.map((_, i) => i));
        // Up to the point where fewer than 20 distinct authors are left, windows hold distinct authors.
        for (let start = 0; start + 20 <= out.length; start += 1) {
          const remaining = new Set(out.slice(start).map((e) => e.authorId));
          if (remaining.size < 20) break;
          const window = out.slice(start, start + 20).map((e) => e.authorId);
          expect(new Set(window).size).toBe(window.length);
        }
      }),
    );
  });

  it('keeps rank order among different authors', () => {
    const ranked = ['a', 'b', 'a', 'c', 'd'].map((authorId, i) => ({ authorId, i }));
    expect(diversify(ranked, 2).map((e) => e.i)).toEqual([0, 1, 2, 3, 4]);
    expect(diversify(ranked, 3).map((e) => e.i)).toEqual([0, 1, 3, 2, 4]);
  });
});

interface User {
  token: string;
  id: string;
}

describe.each(testDatabases())('discover feed over HTTP on $name', (target) => {
  let server: TestServer;
  let star: User;
  let reader: User;
  const authors: User[] = [];
  const noteIds: string[] = [];

  beforeAll(async () => {
    server = await createTestServer(target, [communityProduct()], {
      ...testMediaEnv(),
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
    });
    star = await signUpForTest(server.app, 'star_disc', 'zh-TW');
    reader = await signUpForTest(server.app, 'reader_disc', 'en');
    for (let i = 0; i < 21; i += 1) authors.push(await signUpForTest(server.app, `author_disc_${i}`, 'en'));
    // One prolific, popular author and 21 others with one note each.
    for (let i = 0; i < 8; i += 1) {
      server.clock.advance(60_000);
      const note = await createTestNote(server.app, star.token, { title: `star ${i}` });
      noteIds.push(note.id);
      for (const fan of authors.slice(0, 5)) await like(fan, note.id);
    }
    for (const [i, author] of authors.entries()) {
      server.clock.advance(60_000);
      noteIds.push((await createTestNote(server.app, author.token, { title: `note ${i}` })).id);
    }
  });
  afterAll(() => server.close());

  async function like(user: User, noteId: string) {
    const res = await server.app.inject({
      method: 'POST',
      url: `/api/v1/notes/${noteId}/like`,
      headers: bearer(user.token),
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }

  async function page(url: string, user?: User) {
    const res = await server.app.inject({ method: 'GET', url, headers: user ? bearer(user.token) : {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: NoteCard[]; nextCursor: string | null };
  }

  async function walk(limit: number, user?: User, between?: () => Promise<void>) {
    const items: NoteCard[] = [];
    let cursor: string | null = null;
    for (let round = 0; round < 40; round += 1) {
      const got = await page(
        `/api/v1/feed/discover?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        user,
      );
      items.push(...got.items);
      if (!got.nextCursor) return items;
      cursor = got.nextCursor;
      await between?.();
    }
    throw new Error('pagination did not end');
  }

  it('serves anonymous readers, with no author twice in a page of 20', async () => {
    const first = await page('/api/v1/feed/discover?limit=20');
    expect(first.items).toHaveLength(20);
    const authorsOnPage = first.items.map((n) => n.author.handle);
    expect(new Set(authorsOnPage).size).toBe(20);
    // The popular author leads the ranking.
    expect(first.items[0]!.author.handle).toBe('star_disc');
  });

  it('pages one ranking to the end, neither repeating nor skipping while scores move', async () => {
    let moved = 0;
    const seen = await walk(5, reader, async () => {
      // Likes reorder the ranking and time passes beyond the snapshot refresh.
      for (const fan of authors.slice(6, 12)) await like(fan, noteIds[noteIds.length - 1 - moved]!);
      server.clock.advance(10 * 60_000);
      moved += 1;
    });
    const ids = seen.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...noteIds].sort());
    // A new reader gets the new ranking, where the most-liked late note has moved up.
    const fresh = await page('/api/v1/feed/discover?limit=20');
    const index = fresh.items.findIndex((n) => n.id === noteIds.at(-1));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(index).toBeLessThan(ids.indexOf(noteIds.at(-1)!));
  });

  it('never shows a signed-in reader the accounts hidden from them', async () => {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/author_disc_3/block',
      headers: bearer(reader.token),
    });
    expect(res.statusCode).toBe(200);
    const seen = await walk(20, reader);
    expect(seen.some((n) => n.author.handle === 'author_disc_3')).toBe(false);
    // The page refilled past the hidden entry still has 20 different authors.
    expect(new Set(seen.slice(0, 20).map((n) => n.author.handle)).size).toBe(20);
    expect(seen).toHaveLength(noteIds.length - 1);
    const anonymous = await walk(20);
    expect(anonymous.some((n) => n.author.handle === 'author_disc_3')).toBe(true);
  });

  it('restarts an expired cursor at the top of the current ranking', async () => {
    const first = await page('/api/v1/feed/discover?limit=3');
    server.clock.advance(7 * 3_600_000);
    const resumed = await page(`/api/v1/feed/discover?limit=3&cursor=${first.nextCursor}`);
    const top = await page('/api/v1/feed/discover?limit=3');
    expect(resumed.items.map((n) => n.id)).toEqual(top.items.map((n) => n.id));
  });

  it('answers from the current ranking while a new one is built, then serves the new one', async () => {
    const ids = (p: { items: NoteCard[] }) => p.items.map((n) => n.id);
    const before = await page('/api/v1/feed/discover?limit=20');
    // A note nobody liked yet gets more likes than any other note has.
    const rising = noteIds[10]!;
    expect(ids(before)[0]).not.toBe(rising);
    for (const fan of authors.slice(12, 20)) await like(fan, rising);
    server.clock.advance(DEFAULT_SNAPSHOT_OPTIONS.refreshAheadMs);
    // This reader starts the rebuild and is answered from the ranking it replaces.
    expect(ids(await page('/api/v1/feed/discover?limit=20'))).toEqual(ids(before));
    await vi.waitFor(async () => expect(ids(await page('/api/v1/feed/discover?limit=20'))[0]).toBe(rising), {
      timeout: 5_000,
      interval: 20,
    });
  });
});
