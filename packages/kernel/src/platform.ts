import { Redis } from 'ioredis';
import { type Kysely, sql } from 'kysely';
import { type AuthService, createAuthService } from './auth/service.ts';
import { createAuthStore } from './auth/store.ts';
import type { AuthTables } from './auth/types.ts';
import { createOutboxBus, type EventBus } from './bus.ts';
import { createRedisInvalidations, type Invalidations, processLocalInvalidations } from './cache.ts';
import { type Clock, systemClock } from './clock.ts';
import type { Config } from './config.ts';
import { createDatabase, type Database, type DatabaseOptions, type Dialect } from './db/database.ts';
import { createIdGenerator, type IdGenerator } from './ids.ts';
import { createLogger, type Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { createMemoryRateLimiter, createRedisRateLimiter, type RateLimiter } from './rate-limit.ts';

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
  /** Present when PLAZA_REDIS_URL is set: shared state between processes. */
  redis: Redis | undefined;
  /** Cache invalidations to and from the other processes (through Redis when configured). */
  invalidations: Invalidations;
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
  const database = createDatabase<AuthTables>(config.resolvedDatabaseUrl, {
    poolSize: config.databasePoolSize,
    ...options.database,
  });
  const ids = createIdGenerator(clock);
  const bus = createOutboxBus({ db: database.db, clock, ids, logger });
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, maxRetriesPerRequest: 2 })
    : undefined;
  redis?.on('error', (err) => logger.warn({ err }, 'redis error'));
  const invalidations = redis
    ? createRedisInvalidations(redis, (err) => logger.warn({ err }, 'cache invalidation failed'))
    : processLocalInvalidations();
  const auth = createAuthService({
    store: createAuthStore(database.db),
    bus,
    clock,
    ids,
    sessionTtlMs: config.sessionTtlDays * 86_400_000,
    invalidations,
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
    rateLimiter: redis ? createRedisRateLimiter(redis, clock) : createMemoryRateLimiter(clock),
    auth,
    redis,
    invalidations,
    async close() {
      await invalidations.close();
      await database.destroy();
      redis?.disconnect();
    },
  };
}

/** The platform's database seen through a module's own table types. */
export function tables<T>(platform: Platform): Kysely<T> {
  return platform.database.db as unknown as Kysely<T>;
}

/** Readiness: the database answers, and Redis too when configured. */
export async function pingDatabase(platform: Platform): Promise<void> {
  await sql`select 1`.execute(platform.database.db);
  if (platform.redis) await platform.redis.ping();
}
