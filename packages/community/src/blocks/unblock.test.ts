import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteCard } from '../contracts.ts';
import { type FeedTestServer, startFeedTestServer, type TestUser } from '../feed/test-setup.ts';
import { createTestNote } from '../test-helpers.ts';

/**
 * One process, no Redis: every read path keeps each viewer's block list in a cache that only a
 * re-read (seconds later, and this clock never moves) or the service forgetting it can change.
 * So an unblock that did not forget the cached lists would keep hiding the notes here forever.
 */
describe.each(testDatabases())(
  'an unblock shows the notes again at once, in one process, on $name',
  (target) => {
    let site: FeedTestServer;
    let ana: TestUser;
    let bo: TestUser;
    let noteId: string;

    beforeAll(async () => {
      site = await startFeedTestServer(target);
      ana = await site.signUp('ana_unblock', 'en');
      bo = await site.signUp('bo_unblock', 'en');
      noteId = (
        await createTestNote(site.server.app, ana.token, { title: 'Xiaolongbao crawl', body: 'soup' })
      ).id;
      await site.send('POST', '/api/v1/accounts/ana_unblock/follow', bo);
    });
    afterAll(() => site.close());

    /** Which read paths show ana's note to `viewer` right now. */
    async function seenBy(viewer: TestUser) {
      const ids = async (url: string) =>
        ((await site.send('GET', url, viewer)).json() as { items: NoteCard[] }).items.map((n) => n.id);
      return {
        following: (await ids('/api/v1/feed/following')).includes(noteId),
        discover: (await ids('/api/v1/feed/discover')).includes(noteId),
        search: (await ids('/api/v1/search?q=xiaolongbao')).includes(noteId),
        note: (await site.request('GET', `/api/v1/notes/${noteId}`, viewer)).statusCode === 200,
      };
    }
    const everywhere = { following: true, discover: true, search: true, note: true };
    const nowhere = { following: false, discover: false, search: false, note: false };

    it('hides across the block (both sides cached), then shows everything after the unblock', async () => {
      expect(await seenBy(bo)).toEqual(everywhere);
      await site.send('POST', '/api/v1/accounts/bo_unblock/block', ana);
      // Read while blocked: these answers fill both accounts' cached block lists.
      expect(await seenBy(bo)).toEqual(nowhere);
      expect((await seenBy(ana)).search).toBe(true);

      await site.send('DELETE', '/api/v1/accounts/bo_unblock/block', ana);
      // The block dropped the follow; following again refills bo's timeline from ana's notes.
      await site.send('POST', '/api/v1/accounts/ana_unblock/follow', bo);
      expect(await seenBy(bo)).toEqual(everywhere);
    });

    it('shows the blocker the blocked account’s notes again too', async () => {
      const boNote = (await createTestNote(site.server.app, bo.token, { title: 'Xiaolongbao reply' })).id;
      const anaSearch = async () =>
        (
          (await site.send('GET', '/api/v1/search?q=xiaolongbao', ana)).json() as { items: NoteCard[] }
        ).items.map((n) => n.id);
      expect(await anaSearch()).toContain(boNote);
      await site.send('POST', '/api/v1/accounts/bo_unblock/block', ana);
      expect(await anaSearch()).not.toContain(boNote);
      await site.send('DELETE', '/api/v1/accounts/bo_unblock/block', ana);
      expect(await anaSearch()).toContain(boNote);
    });
  },
);
