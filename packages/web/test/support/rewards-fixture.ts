import { bearer, signUpForTest, type TestDatabase, testDatabases } from '@plaza/kernel/testing';
import { rewardsProduct, taipeiInstant } from '@plaza/rewards';
import { type RunningPlaza, startPlaza } from './server.ts';

export const HOLDER = 'card_holder';
export const BANK_ADMIN = 'bank_admin';

export interface RewardsPlaza {
  plaza: RunningPlaza;
  /** The card issued to HOLDER: Level 2, born in March. */
  card: { id: string; token: string };
  /** A call to the API as the bank's admin, without the browser. */
  adminCall: ApiCall;
  /** A call to the API as the cardholder. */
  holderCall: ApiCall;
}

/**
 * The one database a Rewards browser test runs on: PostgreSQL when the run has one, else the
 * embedded SQLite (Community's browser tests run on SQLite). Every Rewards rule is already tested
 * on both databases by the store and API tests; a browser test checks pages, and running each
 * twice cost `npm test` minutes.
 */
export function browserDatabase(): TestDatabase {
  const databases = testDatabases();
  return databases[databases.length - 1] ?? { name: 'sqlite', url: 'sqlite::memory:' };
}

type ApiCall = <T>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

function callerFor(plaza: RunningPlaza, token: string): ApiCall {
  return async <T>(method: string, path: string, body?: unknown) => {
    const response = await plaza.app.inject({
      method: method as 'POST',
      url: path,
      headers: bearer(token),
      ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
    });
    return { status: response.statusCode, body: response.json() as T };
  };
}

/**
 * Plaza with Rewards on a Tuesday in March 2026 (every plan's current version on the shelf), a
 * bank admin, and a cardholder with one card.
 */
export async function startRewardsPlaza(database: TestDatabase): Promise<RewardsPlaza> {
  const plaza = await startPlaza([rewardsProduct()], database);
  plaza.clock.set(taipeiInstant('2026-03-10', '10:00'));
  const admin = await signUpForTest(plaza.app, BANK_ADMIN);
  await plaza.platform.auth.setRole(admin.id, 'admin');
  const holder = await signUpForTest(plaza.app, HOLDER, 'zh-TW');
  const adminCall = callerFor(plaza, admin.token);
  const issued = await adminCall<{ id: string; token: string }>('POST', '/api/rewards/v1/admin/cards', {
    holderHandle: HOLDER,
    last4: '4242',
    level: 2,
    birthMonth: 3,
  });
  if (issued.status !== 201) throw new Error(`issuing the card failed: ${JSON.stringify(issued.body)}`);
  return {
    plaza,
    card: { id: issued.body.id, token: issued.body.token },
    adminCall,
    holderCall: callerFor(plaza, holder.token),
  };
}
