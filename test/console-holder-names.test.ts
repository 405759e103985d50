import { accountDirectory, communityProduct } from '@plaza/community';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { rewardsProduct } from '@plaza/rewards';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The bank console finds cardholders by their Community display names through the directory the
 * process wires into Rewards (`accountDirectory`): Rewards never reads Community's tables.
 */
describe.each(testDatabases())('the console finds cardholders by display name ($name)', (target) => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    const products = [
      communityProduct(),
      rewardsProduct({ programRefreshMs: 0, holderDirectory: accountDirectory }),
    ];
    server = await createTestServer(target, products, { PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000' });
    const signedUp = await signUpForTest(server.app, 'names_admin');
    await server.platform.auth.setRole(signedUp.id, 'admin');
    admin = signedUp.token;
  });
  afterAll(() => server?.close());

  const holder = async (handle: string, displayName: string) => {
    const account = await signUpForTest(server.app, handle);
    const named = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(account.token),
      payload: { displayName },
    });
    expect(named.statusCode, named.body).toBe(200);
    const card = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin),
      payload: { holderHandle: handle, last4: '5100', level: 1, birthMonth: null },
    });
    expect(card.statusCode, card.body).toBe(201);
    return { accountId: account.id, cardId: (card.json() as { id: string }).id };
  };
  const search = async (q: string) => {
    const response = await server.app.inject({
      url: `/api/rewards/v1/admin/cards?${new URLSearchParams({ q })}`,
      headers: bearer(admin),
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as {
      items: { id: string; holder: { handle: string; displayName: string | null } }[];
      holdersTruncated: boolean;
    };
  };

  it('by the start of the name, whatever its case, in Chinese and English, and shows it', async () => {
    const mei = await holder('mei_lin', 'Lin Mei-ling');
    const wang = await holder('wang_xm', '王小明');
    const under = await holder('under_score', 'A_b');

    expect((await search('lin mei')).items.map((i) => i.id)).toEqual([mei.cardId]);
    expect((await search('LIN')).items[0]?.holder).toEqual({
      accountId: mei.accountId,
      handle: 'mei_lin',
      displayName: 'Lin Mei-ling',
    });
    expect((await search('王小')).items.map((i) => i.id)).toEqual([wang.cardId]);
    // The handle still finds its holder exactly.
    expect((await search('wang_xm')).items.map((i) => i.id)).toEqual([wang.cardId]);
    // LIKE's wildcards are plain characters in a name: "A_" is not "A" followed by anything.
    expect((await search('A_')).items.map((i) => i.id)).toEqual([under.cardId]);
    expect((await search('%')).items).toEqual([]);
    expect((await search('小明')).items).toEqual([]);
  });

  it('looks at a bounded number of accounts and says when more matched', async () => {
    for (const n of [1, 2, 3]) await holder(`many_${n}`, `Chen ${n}`);
    const directory = accountDirectory(server.platform);
    const some = await directory.matching('chen', 2);
    expect(some.accountIds).toHaveLength(2);
    expect(some.truncated).toBe(true);
    const all = await directory.matching('chen', 3);
    expect(all).toMatchObject({ truncated: false });
    expect(all.accountIds).toHaveLength(3);
  });
});
