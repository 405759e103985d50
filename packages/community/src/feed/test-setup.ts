/**
 * A Community server for the feed and cache tests: signs people up, calls the API as them
 * and reads their following feed; optionally a second process on the same database.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, createLogger, createPlatform, loadConfig, ManualClock } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestDatabase,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import type { NoteCard } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { testMediaEnv } from '../test-helpers.ts';

export interface TestUser {
  token: string;
  id: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Answer = Awaited<ReturnType<TestServer['app']['inject']>>;

export interface FeedTestServer {
  server: TestServer;
  modules: CommunityModules;
  /** Calls the API as `user` (anonymous without one) and answers whatever came back. */
  request(method: Method, url: string, user?: TestUser, payload?: object): Promise<Answer>;
  /** Like `request`, but an answer from 300 up throws, naming the call. */
  send(method: Method, url: string, user?: TestUser, payload?: object): Promise<Answer>;
  /** One page of the user's following feed. */
  following(user: TestUser, query?: string): Promise<{ items: NoteCard[]; nextCursor: string | null }>;
  signUp(handle: string, language?: string): Promise<TestUser>;
  close(): Promise<void>;
}

/** The environment every feed test server runs with: its own media folder, sign-ups unthrottled. */
export const feedTestEnv = (): Record<string, string> => ({
  ...testMediaEnv(),
  PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
});

function clientOf(server: TestServer, modules: CommunityModules, close: () => Promise<void>): FeedTestServer {
  const request: FeedTestServer['request'] = (method, url, user, payload) =>
    server.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: user ? bearer(user.token) : {},
    });
  const send: FeedTestServer['send'] = async (method, url, user, payload) => {
    const res = await request(method, url, user, payload);
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  return {
    server,
    modules,
    request,
    send,
    following: async (user, query = '') => (await send('GET', `/api/v1/feed/following${query}`, user)).json(),
    signUp: (handle, language = 'en') => signUpForTest(server.app, handle, language),
    close,
  };
}

/** A migrated Community server on `target`, with the feed tests' environment. */
export async function startFeedTestServer(
  target: TestDatabase,
  env: Record<string, string> = {},
): Promise<FeedTestServer> {
  let modules: CommunityModules | undefined;
  const server = await createTestServer(
    target,
    [
      communityProduct((m) => {
        modules = m;
      }),
    ],
    { ...feedTestEnv(), ...env },
  );
  if (!modules) throw new Error('the Community product did not hand out its modules');
  return clientOf(server, modules, () => server.close());
}

/**
 * Another process's server on the first one's database (its PostgreSQL schema, or its SQLite
 * file), with a clock and caches of its own; close it before the first.
 */
export async function startSecondProcess(
  first: FeedTestServer,
  env: Record<string, string> = {},
): Promise<FeedTestServer> {
  const { config: firstConfig, database } = first.server.platform;
  const config = loadConfig({
    PLAZA_DATABASE_URL: firstConfig.resolvedDatabaseUrl,
    PLAZA_DATA_DIR: firstConfig.dataDir,
    PLAZA_LOG_LEVEL: 'silent',
    ...env,
  });
  const clock = new ManualClock();
  const platform = createPlatform(config, {
    clock,
    logger: createLogger('silent'),
    ...(database.schema ? { database: { schema: database.schema, poolSize: 4 } } : {}),
  });
  let modules: CommunityModules | undefined;
  const app = await buildServer(platform, [
    communityProduct((m) => {
      modules = m;
    }),
  ]);
  await app.ready();
  if (!modules) throw new Error('the Community product did not hand out its modules');
  const close = async () => {
    await app.close();
    await platform.close();
  };
  return clientOf({ platform, clock, app, close }, modules, close);
}

/**
 * `testDatabases()` with SQLite in a file instead of memory, so a second process can open it.
 */
export function sharedTestDatabases(): TestDatabase[] {
  return testDatabases().map((target) =>
    target.name === 'sqlite'
      ? {
          ...target,
          url: `sqlite:${path.join(mkdtempSync(path.join(os.tmpdir(), 'plaza-feed-')), 'db.sqlite')}`,
        }
      : target,
  );
}

/** Two processes serving one site on one database and one Redis: `writer` changes, `reader` serves. */
export async function startTwoProcesses(target: TestDatabase, redisUrl: string) {
  const env = { PLAZA_REDIS_URL: redisUrl };
  const writer = await startFeedTestServer(target, env);
  const reader = await startSecondProcess(writer, env);
  return {
    writer,
    reader,
    async close() {
      await reader.close();
      await writer.close();
    },
  };
}

/**
 * Calls `read` until `check` holds, at most 200 times 10 ms apart, and answers the last value:
 * waits for an invalidation to arrive without asserting how long it took.
 */
export async function readUntil<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 200 && !check(value); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}
