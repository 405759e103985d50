import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FeedTestServer, startFeedTestServer, type TestUser } from '../feed/test-setup.ts';

/**
 * The block rules as an account meets them: who may be blocked, what the answers say, the list
 * of blocked accounts, and that a block hides both ways (the blocked account cannot see the
 * blocker either).
 */
describe('blocking an account', () => {
  let site: FeedTestServer;
  let ana: TestUser;
  let bo: TestUser;
  let cy: TestUser;

  beforeAll(async () => {
    site = await startFeedTestServer(testDatabases()[0]!);
    ana = await site.signUp('ana_blocks', 'en');
    bo = await site.signUp('bo_blocks', 'en');
    cy = await site.signUp('cy_blocks', 'en');
  });
  afterAll(() => site.close());

  it('refuses to block yourself or an account that does not exist', async () => {
    const self = await site.request('POST', '/api/v1/accounts/ana_blocks/block', ana);
    expect(self.statusCode).toBe(400);
    expect(self.json()).toMatchObject({
      code: 'cannot_block_self',
      detail: 'You cannot block yourself.',
      errors: [{ field: 'handle', message: 'is you' }],
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
});
