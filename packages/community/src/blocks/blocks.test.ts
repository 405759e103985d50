import { testDatabases } from '@plaza/kernel/testing';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedTestServer, startFeedTestServer, type TestUser } from '../feed/test-setup.ts';
import type { BlocksTables } from './store.ts';

/**
 * The block rules as an account meets them: who may be blocked, what the answers say, the list
 * of blocked accounts, and that a block hides both ways (the blocked account cannot see the
 * blocker either).
 */
describe.each(testDatabases())('blocking an account on $name', (target) => {
  let site: FeedTestServer;
  let ana: TestUser;
  let bo: TestUser;
  let cy: TestUser;
  let di: TestUser;

  beforeAll(async () => {
    site = await startFeedTestServer(target);
    ana = await site.signUp('ana_blocks', 'en');
    bo = await site.signUp('bo_blocks', 'en');
    cy = await site.signUp('cy_blocks', 'en');
    di = await site.signUp('di_blocks', 'en');
  });
  afterAll(() => site.close());

  it('refuses to block yourself or an account that does not exist', async () => {
    const self = await site.request('POST', '/api/v1/accounts/ana_blocks/block', ana);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({
      code: 'cannot_block_self',
      detail: 'You cannot block yourself.',
      errors: [{ field: 'handle', code: 'is_self', message: 'is you' }],
    });
    const nobody = await site.request('POST', '/api/v1/accounts/nobody_here/block', ana);
    expect(nobody.statusCode).toBe(404);
    expect(nobody.json()).toMatchObject({ code: 'not_found', detail: 'That account was not found.' });
    const unblockNobody = await site.request('DELETE', '/api/v1/accounts/nobody_here/block', ana);
    expect(unblockNobody.statusCode).toBe(404);
  });

  it('answers the state and the handle, and lists whom the account blocks', async () => {
    const at = site.server.clock.nowMs();
    const blocked = await site.send('POST', '/api/v1/accounts/bo_blocks/block', ana);
    expect(blocked.json()).toEqual({ blocked: true, handle: 'bo_blocks' });
    // A second block changes nothing and answers the same.
    expect((await site.send('POST', '/api/v1/accounts/bo_blocks/block', ana)).json()).toEqual({
      blocked: true,
      handle: 'bo_blocks',
    });
    const list = await site.send('GET', '/api/v1/me/blocks', ana);
    expect(list.json()).toEqual({
      items: [{ accountId: bo.id, handle: 'bo_blocks', createdAt: at }],
      nextCursor: null,
    });
    expect((await site.send('GET', '/api/v1/me/blocks', bo)).json().items).toEqual([]);

    const unblocked = await site.send('DELETE', '/api/v1/accounts/bo_blocks/block', ana);
    expect(unblocked.json()).toEqual({ blocked: false, handle: 'bo_blocks' });
    expect((await site.send('GET', '/api/v1/me/blocks', ana)).json().items).toEqual([]);
  });

  it('hides each account from the other, and no one else', async () => {
    const blocks = site.modules.blocks;
    await blocks.block(cy.id, 'bo_blocks');
    expect([...(await blocks.hiddenFrom(cy.id))]).toEqual([bo.id]);
    expect([...(await blocks.hiddenFrom(bo.id))]).toEqual([cy.id]);
    expect([...(await blocks.hiddenFromFresh(ana.id))]).toEqual([]);
    expect(await blocks.eitherBlocks(bo.id, cy.id)).toBe(true);
    expect(await blocks.eitherBlocks(cy.id, bo.id)).toBe(true);
    expect(await blocks.eitherBlocks(ana.id, bo.id)).toBe(false);
    // `blocks` is one way: who blocked whom (a mention or a follow is refused on that side only).
    expect(await blocks.blocks(cy.id, bo.id)).toBe(true);
    expect(await blocks.blocks(bo.id, cy.id)).toBe(false);
    await blocks.unblock(cy.id, 'bo_blocks');
    expect([...(await blocks.hiddenFrom(bo.id))]).toEqual([]);
  });

  it("exports an account's blocks and erases them with the account, cached list included", async () => {
    const blocks = site.modules.blocks;
    const at = site.server.clock.nowMs();
    await blocks.block(cy.id, 'ana_blocks');
    expect([...(await blocks.hiddenFrom(cy.id))]).toEqual([ana.id]);
    const exported = async () => {
      const files: Record<string, unknown[]> = {};
      await blocks.contributor.write(cy.id, {
        json: async () => {},
        file: async () => {},
        lines: async (path, rows) => {
          files[path] = [];
          for await (const row of rows) files[path].push(row);
        },
      });
      return files;
    };
    expect(blocks.contributor.name).toBe('blocks');
    expect(await exported()).toEqual({ 'blocks.jsonl': [{ blockedAccountId: ana.id, createdAt: at }] });
    await blocks.contributor.erase(cy.id, site.server.platform.database.db);
    expect([...(await blocks.hiddenFrom(cy.id))]).toEqual([]);
    expect(await exported()).toEqual({ 'blocks.jsonl': [] });
  });

  it('ends the follows both ways', async () => {
    await site.send('POST', '/api/v1/accounts/ana_blocks/follow', di);
    await site.send('POST', '/api/v1/accounts/di_blocks/follow', ana);
    const handles = async (url: string) =>
      ((await site.send('GET', url)).json().items as { handle: string }[]).map((a) => a.handle);
    expect(await handles('/api/v1/accounts/ana_blocks/followers')).toContain('di_blocks');
    expect(await handles('/api/v1/accounts/ana_blocks/following')).toContain('di_blocks');
    await site.send('POST', '/api/v1/accounts/di_blocks/block', ana);
    // Asked anonymously, so no one's block list hides anything from the answer.
    expect(await handles('/api/v1/accounts/ana_blocks/followers')).not.toContain('di_blocks');
    expect(await handles('/api/v1/accounts/ana_blocks/following')).not.toContain('di_blocks');
    await site.send('DELETE', '/api/v1/accounts/di_blocks/block', ana);
  });

  it('reads visibility from the kept list, but inside a transaction what the transaction sees', async () => {
    const blocks = site.modules.blocks;
    // A row the service did not write (as a block made by another process, before the channel
    // tells this one): each read path's kept list shows it at its re-read, a caller's
    // transaction at once. This clock never moves, so no re-read happens here.
    const db = site.server.platform.database.db as unknown as Kysely<BlocksTables>;
    expect([...(await blocks.hiddenFrom(di.id))]).toEqual([]);
    await db.insertInto('blocks').values({ blocker_id: di.id, blocked_id: bo.id, created_at: 0 }).execute();
    try {
      expect([...(await blocks.hiddenFrom(di.id, db))]).toEqual([bo.id]);
      expect([...(await blocks.hiddenFrom(di.id))]).toEqual([]);
    } finally {
      await db.deleteFrom('blocks').where('blocker_id', '=', di.id).execute();
    }
  });
});
