import { type Kysely, sql } from 'kysely';
import { type AuthService, createAuthService } from './auth/service.ts';
import { createAuthStore } from './auth/store.ts';
import type { AuthTables } from './auth/types.ts';
import { createMemoryBus, type EventBus } from './bus.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createDatabase, type Database, type DatabaseOptions, type Dialect } from './db/database.ts';
import { createIdGenerator, type IdGenerator } from './ids.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createMemoryRateLimiter, type RateLimiter } from './rate-limit.ts';

/** What every module of every product is given: the process's shared services. */
export interface Platform {
  config: Config;
  logger: Logger;
  /** Typed per module by the caller: `platform.db as Kysely<MyTables>` is never needed; see `tables()`. */
  database: Database<AuthTables>;
  dialect: Dialect;
  clock: Clock;
  ids: IdGenerator;
  bus: EventBus;
  metrics: Metrics;
  rateLimiter: RateLimiter;
  auth: AuthService;
  close(): Promise<void>;
}

export interface PlatformOptions {
  clock?: Clock;
  logger?: Logger;
  database?: DatabaseOptions;
}

export function createPlatform(config: Config, options: PlatformOptions = {}): Platform {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const database = createDatabase<AuthTables>(config.resolvedDatabaseUrl, options.database);
  const ids = createIdGenerator(clock);
  const bus = createMemoryBus((topic, err) => logger.error({ err, topic }, 'event handler failed'));
  const auth = createAuthService({
    store: createAuthStore(database.db),
    clock,
    ids,
    sessionTtlMs: config.sessionTtlDays * 86_400_000,
  });
  return {
    config,
    logger,
    database,
    dialect: database.dialect,
    clock,
    ids,
    bus,
    metrics: createMetrics(),
    rateLimiter: createMemoryRateLimiter(clock),
    auth,
    close: () => database.destroy(),
  };
}

/** The platform's database seen through a module's own table types. */
export function tables<T>(platform: Platform): Kysely<T> {
  return platform.database.db as unknown as Kysely<T>;
}

export async function pingDatabase(platform: Platform): Promise<void> {
  await sql`select 1`.execute(platform.database.db);
}
