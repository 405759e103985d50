import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SocialHarness, startSocialHarness, type TestUser } from '../test-support.ts';

describe.each(testDatabases())('follows on $name', (target) => {
  let h: SocialHarness;
  let ann: TestUser;
  let bo: TestUser;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    ann = await h.user('f_ann');
    bo = await h.user('f_bo');
  });
  afterAll(() => h.server.close());

  const follow = (who: TestUser, handle: string, method: 'POST' | 'DELETE' = 'POST') =>
    h.call(method, `/api/v1/accounts/${handle}/follow`, who);

  it('follows once however often asked, and unfollows the same way', async () => {
    const first = await follow(bo, ann.handle);
    const second = await follow(bo, ann.handle);
    expect(first.statusCode).toBe(200);
    expect(second.json()).toEqual({ following: true, followerCount: 1 });
    expect(h.events('follow.created').filter((e) => e.followerId === bo.id)).toEqual([
      { followerId: bo.id, followeeId: ann.id },
    ]);
    const social = h.modules.social.service;
    expect(await social.isFollowing(bo.id, ann.id)).toBe(true);
    expect(await social.counts(ann.id)).toEqual({ followers: 1, following: 0 });
    expect(await social.counts(bo.id)).toEqual({ followers: 0, following: 1 });
    expect(await social.followeeIds(bo.id)).toEqual([ann.id]);

    expect((await follow(bo, ann.handle, 'DELETE')).json()).toEqual({ following: false, followerCount: 0 });
    expect((await follow(bo, ann.handle, 'DELETE')).json()).toEqual({ following: false, followerCount: 0 });
    expect(h.events('follow.deleted').filter((e) => e.followerId === bo.id)).toHaveLength(1);
    expect(await social.counts(bo.id)).toEqual({ followers: 0, following: 0 });
  });

  it('refuses following yourself, unknown accounts and anonymous callers', async () => {
    const self = await follow(ann, ann.handle);
    expect(self.statusCode).toBe(400);
    expect(self.json().code).toBe('cannot_follow_self');
    expect((await follow(ann, 'no_such_one')).statusCode).toBe(404);
    expect((await h.call('POST', `/api/v1/accounts/${bo.handle}/follow`)).statusCode).toBe(401);
  });

  it('refuses following across a block either way, and a block ends follows both ways', async () => {
    const cy = await h.user('f_cy');
    const dee = await h.user('f_dee');
    await follow(cy, dee.handle);
    await follow(dee, cy.handle);
    await h.block(dee, cy);
    expect(await h.modules.social.service.counts(cy.id)).toEqual({ followers: 0, following: 0 });
    expect(await h.modules.social.service.counts(dee.id)).toEqual({ followers: 0, following: 0 });
    expect(h.events('follow.deleted')).toEqual(
      expect.arrayContaining([
        { followerId: dee.id, followeeId: cy.id },
        { followerId: cy.id, followeeId: dee.id },
      ]),
    );
    // The blocked side is answered as for an unknown account; the blocker is told of their block.
    const unknown = await follow(cy, 'no_such_one');
    const blocked = await follow(cy, dee.handle);
    expect([blocked.statusCode, blocked.json()]).toEqual([404, unknown.json()]);
    const blocker = await follow(dee, cy.handle);
    expect(blocker.statusCode).toBe(403);
    expect(blocker.json().code).toBe('blocked');
    // The blocker's lists are not the blocked account's to read.
    expect((await h.call('GET', `/api/v1/accounts/${dee.handle}/followers`, cy)).statusCode).toBe(404);
  });

  it('pages followers newest first with a keyset cursor, ties and all', async () => {
    const star = await h.user('f_star');
    const fans: TestUser[] = [];
    for (const name of ['f_fan1', 'f_fan2', 'f_fan3', 'f_fan4', 'f_fan5']) {
      const fan = await h.user(name);
      fans.push(fan);
      await follow(fan, star.handle);
      // Two follows share each millisecond: the id breaks the tie.
      if (fans.length % 2 === 0) h.server.clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const res = await h.call('GET', `/api/v1/accounts/${star.handle}/followers?limit=2${query}`);
      expect(res.statusCode).toBe(200);
      const page = res.json() as {
        items: { handle: string; followedAt: number }[];
        nextCursor: string | null;
      };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.handle));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(fans.map((f) => f.handle).sort());
    const newest = (await h.call('GET', `/api/v1/accounts/${star.handle}/followers?limit=1`)).json();
    expect(newest.items[0].handle).toBe('f_fan5');
    expect(Object.keys(newest.items[0]).sort()).toEqual([
      'avatarUrl',
      'displayName',
      'followedAt',
      'handle',
      'id',
    ]);

    const following = await h.call('GET', `/api/v1/accounts/${fans[0]?.handle}/following`);
    expect(following.json().items.map((i: { handle: string }) => i.handle)).toEqual(['f_star']);

    const batch1 = await h.modules.social.service.followerIdsBatch(star.id, null, 3);
    const batch2 = await h.modules.social.service.followerIdsBatch(star.id, batch1.at(-1) ?? null, 3);
    expect([...batch1, ...batch2].sort()).toEqual(fans.map((f) => f.id).sort());
  });

  it('answers a tampered cursor with a 400 on the cursor field', async () => {
    const res = await h.call('GET', `/api/v1/accounts/${ann.handle}/followers?cursor=bm9wZQ`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('invalid_cursor');
    expect(res.json().errors[0].field).toContain('cursor');
  });
});
