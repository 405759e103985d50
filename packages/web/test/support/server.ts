import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { communityProduct } from '@plaza/community';
import { buildServer, type ManualClock, type PlazaApp } from '@plaza/kernel';
import { createTestPlatform } from '@plaza/kernel/testing';
import { DIST_DIR } from './build.ts';

export interface RunningPlaza {
  app: PlazaApp;
  /** The server's clock: starts at real time; tests advance it past cache windows (discover snapshots). */
  clock: ManualClock;
  baseUrl: string;
  close(): Promise<void>;
}

/** A real Plaza (API + built web app) on an in-memory SQLite, listening on a free port. */
export async function startPlaza(): Promise<RunningPlaza> {
  const product = communityProduct();
  const test = await createTestPlatform({ name: 'sqlite', url: 'sqlite::memory:' }, [product], {
    PLAZA_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'plaza-web-')),
    PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
  });
  test.clock.set(Date.now());
  const app = await buildServer(test.platform, [product], { webDir: DIST_DIR });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('Plaza did not listen on a TCP port');
  return {
    app,
    clock: test.clock,
    baseUrl: `http://127.0.0.1:${address.port}`,
    async close() {
      await app.close();
      await test.close();
    },
  };
}
