import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SocialHarness, startSocialHarness, type TestUser } from './test-support.ts';

// A well-formed handle nobody has.
const MISSING_HANDLE = 'nobody_has_this';

type Act = (handle: string) => ReturnType<SocialHarness['call']>;

/**
 * An account that blocks the viewer must look, on every path, exactly like an account that
 * does not exist; only the viewer's own block may be named (a 403 `blocked`: they know of it).
 */
describe.each(testDatabases())('an account that blocks the viewer looks missing on $name', (target) => {
  let h: SocialHarness;
  let grump: TestUser;
  let troll: TestUser;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    grump = await h.user('ba_grump');
    troll = await h.user('ba_troll');
    await h.call('POST', `/api/v1/accounts/${grump.handle}/follow`, troll);
    await h.note(grump);
    await h.block(grump, troll);
  });
  afterAll(() => h.server.close());

  const acts = (who: TestUser): Record<string, Act> => ({
    profile: (handle) => h.call('GET', `/api/v1/accounts/${handle}`, who),
    follow: (handle) => h.call('POST', `/api/v1/accounts/${handle}/follow`, who),
    unfollow: (handle) => h.call('DELETE', `/api/v1/accounts/${handle}/follow`, who),
    followers: (handle) => h.call('GET', `/api/v1/accounts/${handle}/followers`, who),
    following: (handle) => h.call('GET', `/api/v1/accounts/${handle}/following`, who),
    collections: (handle) => h.call('GET', `/api/v1/accounts/${handle}/collections`, who),
    notes: (handle) => h.call('GET', `/api/v1/accounts/${handle}/notes`, who),
  });

  it('answers the blocked account as for a missing account, body and all, and writes nothing', async () => {
    for (const [name, act] of Object.entries(acts(troll))) {
      const missing = await act(MISSING_HANDLE);
      const blocked = await act(grump.handle);
      expect(missing.statusCode, name).toBe(404);
      expect([blocked.statusCode, blocked.json()], name).toEqual([missing.statusCode, missing.json()]);
    }
    expect(await h.modules.social.service.counts(grump.id)).toEqual({ followers: 0, following: 0 });
    expect(h.events('follow.created').filter((e) => e.followeeId === grump.id)).toHaveLength(1);
  });

  it('tells the blocker that their own block stands in the way of a follow', async () => {
    const refused = await h.call('POST', `/api/v1/accounts/${troll.handle}/follow`, grump);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'blocked', detail: expect.stringContaining('unblock') });
    expect(await h.modules.social.service.isFollowing(grump.id, troll.id)).toBe(false);
    // Unfollowing someone one blocks has nothing to undo, and says so plainly.
    const unfollowed = await h.call('DELETE', `/api/v1/accounts/${troll.handle}/follow`, grump);
    expect([unfollowed.statusCode, unfollowed.json()]).toEqual([200, { following: false, followerCount: 0 }]);
  });

  it('still serves the blocked account every other account', async () => {
    const other = await h.user('ba_other');
    expect((await acts(troll).profile(other.handle)).statusCode).toBe(200);
    expect((await acts(troll).follow(other.handle)).statusCode).toBe(200);
    expect((await acts(troll).unfollow(other.handle)).statusCode).toBe(200);
  });
});
