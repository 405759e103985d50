import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { communityProduct } from '@plaza/community';
import {
  buildServer,
  type ManualClock,
  type Platform,
  type PlazaApp,
  type PlazaProduct,
} from '@plaza/kernel';
import { createTestPlatform, type TestDatabase } from '@plaza/kernel/testing';
import { DIST_DIR } from './build.ts';

export interface RunningPlaza {
  app: PlazaApp;
  /** The server's clock: starts at real time; tests advance it past cache windows (discover snapshots). */
  clock: ManualClock;
  /** The server's platform (e.g. to give a test account the admin role). */
  platform: Platform;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * A real Plaza (API + built web app) listening on a free port, on an in-memory SQLite unless a
 * test database is given; Community always, plus any other products the test needs (e.g. Rewards).
 */
export async function startPlaza(
  extraProducts: PlazaProduct[] = [],
  database: TestDatabase = { name: 'sqlite', url: 'sqlite::memory:' },
): Promise<RunningPlaza> {
  const products = [communityProduct(), ...extraProducts];
  const test = await createTestPlatform(database, products, {
    PLAZA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'plaza-web-')),
    PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
  });
  test.clock.set(Date.now());
  const app = await buildServer(test.platform, products, { webDir: DIST_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Plaza did not listen on a TCP port');
  return {
    app,
    clock: test.clock,
    platform: test.platform,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await test.close();
    },
  };
}
