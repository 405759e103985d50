import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestDatabase,
  type TestServer,
} from '@plaza/kernel/testing';
import type { LightMyRequestResponse } from 'fastify';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import { type RewardsServices, rewardsProduct } from '../product.ts';

/** A Rewards server for HTTP tests, with an admin, a way to make cardholders and cards, and the clock. */
export interface RewardsTestBed {
  server: TestServer;
  services: RewardsServices;
  admin: { token: string; id: string };
  /** Moves the clock to a Taipei wall-clock time. */
  at(date: string, time?: string): void;
  holder(prefix: string): Promise<{ handle: string; token: string; id: string }>;
  issue(holderHandle: string, extra?: Record<string, unknown>): Promise<{ id: string; token: string }>;
  /** An admin request. */
  asAdmin(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
}

export async function startRewards(
  target: TestDatabase,
  start = { date: '2026-03-01', time: '09:00' },
): Promise<RewardsTestBed> {
  let services: RewardsServices | undefined;
  // No polling in tests: refreshes are called explicitly, so nothing runs behind a test's back.
  // Sessions outlive the months these tests move through.
  const server = await createTestServer(
    target,
    [rewardsProduct({ programRefreshMs: 0, onReady: (s) => (services = s) })],
    { PLAZA_SESSION_TTL_DAYS: '3650' },
  );
  if (!services) throw new Error('rewards did not start');
  server.clock.set(taipeiInstant(start.date, start.time));
  const admin = await signUpForTest(server.app, 'bank_admin');
  await server.platform.auth.setRole(admin.id, 'admin');
  let seq = 0;
  const asAdmin: RewardsTestBed['asAdmin'] = (method, url, payload) =>
    server.app.inject({
      method,
      url,
      headers: bearer(admin.token),
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    server,
    services,
    admin,
    at: (date, time = '00:00') => server.clock.set(taipeiInstant(date, time)),
    async holder(prefix) {
      seq += 1;
      const handle = `${prefix}_${seq}`;
      return { handle, ...(await signUpForTest(server.app, handle)) };
    },
    async issue(holderHandle, extra = {}) {
      const response = await asAdmin('POST', '/api/rewards/v1/admin/cards', {
        holderHandle,
        last4: '4242',
        level: 2,
        birthMonth: null,
        ...extra,
      });
      if (response.statusCode !== 201) throw new Error(`issue failed: ${response.body}`);
      return response.json() as { id: string; token: string };
    },
    asAdmin,
  };
}
