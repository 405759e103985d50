import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { prepareDatabase } from './community/database.ts';
import { commonArgs } from './lib/args.ts';
import { measure, printTable } from './lib/load.ts';
import { startServer } from './lib/server.ts';

/**
 * Sign-ups per second sustained. argon2id is the cost: it runs on libuv's thread pool, so the
 * event loop keeps answering the trivial route while hashes are computed.
 */
export async function run(args: string[]): Promise<void> {
  const { common } = commonArgs(args);
  for (const db of common.db) {
    const target = await prepareDatabase(db, common.postgresUrl);
    const server = await startServer(
      {
        PLAZA_DATABASE_URL: target.url,
        PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000000',
        PLAZA_SIGNUP_GLOBAL_PER_SECOND: '100000',
        PLAZA_ADMIN_PASSWORD: 'bench-admin-password',
      },
      3100,
    );
    try {
      const baseline = await measure({
        name: 'trivial /healthz',
        url: `${server.url}/healthz`,
        connections: common.connections,
        durationSeconds: common.durationSeconds,
      });
      let n = 0;
      const prefix = randomBytes(3).toString('hex');
      // The trivial route is measured again while sign-ups run: if hashing blocked the event
      // loop, its latency would climb to the hash time.
      const during = measure({
        name: 'trivial during',
        url: `${server.url}/healthz`,
        connections: 4,
        durationSeconds: common.durationSeconds,
      });
      const signup = await measure({
        name: 'POST sign-up',
        url: `${server.url}/api/v1/accounts`,
        method: 'POST',
        connections: Math.min(common.connections, 32),
        durationSeconds: common.durationSeconds,
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => {
          n += 1;
          const handle = `b${prefix}_${n}`;
          return {
            ...request,
            body: JSON.stringify({
              handle,
              email: `${handle}@bench.test`,
              password: 'bench password 123',
              language: 'en',
            }),
          };
        },
      });
      printTable(`sign-up on ${db} (${os.cpus().length} cores)`, baseline, [signup, await during]);
    } finally {
      await server.stop();
      await target.drop();
    }
  }
}
