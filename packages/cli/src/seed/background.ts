import type { AuthTables, Invalidations, Platform } from '@plaza/kernel';
import type { Kysely } from 'kysely';
import { createSeedMarkerStore, type SeedMarker, type SeedMarkerStore } from './marker.ts';
import type { SeedOptions } from './plan.ts';
import type { SeedProgress } from './progress.ts';
import { eraseInterruptedSeed } from './resume.ts';
import { announceRewardsDemo, seedRewardsDemo } from './rewards-seed.ts';
import { DEMO_PASSWORD, seedDemo } from './run.ts';
import { buildSeedingStack, type SeedingStack } from './seed-platform.ts';

/** True when nobody but the admin has an account: a fresh install worth filling with demo data. */
export async function isEmpty(platform: Platform): Promise<boolean> {
  const db: Kysely<AuthTables> = platform.database.db;
  const row = await db
    .selectFrom('accounts')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('handle', '!=', platform.config.adminHandle)
    .executeTakeFirst();
  return Number(row?.n ?? 0) === 0;
}

/** A demo seed decided on at start, to run once the server answers. */
export interface DemoSeedJob {
  /** Seeds (or finishes an interrupted seed) through a platform of its own; resolves when done. */
  run(): Promise<void>;
}

export interface DemoSeedContext {
  serving: Platform;
  /** The seeder's side of the link between its caches and the server's. */
  invalidations: Invalidations;
  progress: SeedProgress;
  options?: Partial<SeedOptions>;
}

/**
 * Decides, before the server listens, whether this database needs demo data: a fresh install
 * (nobody but the admin, no seed recorded) or a seed a killed process left unfinished. Deciding
 * first means a real user who signs up in the first second cannot make the install look used.
 */
export async function prepareDemoSeed(context: DemoSeedContext): Promise<DemoSeedJob | undefined> {
  const markers = createSeedMarkerStore(context.serving);
  const found = await markers.read();
  if (found?.phase === 'done') return undefined;
  if (!found && !(await isEmpty(context.serving))) return undefined;
  const marker: SeedMarker = found ?? { phase: 'community', anchorMs: context.serving.clock.nowMs() };
  if (!found) await markers.begin(marker.anchorMs);
  context.progress.starting();
  return { run: () => runSeed(context, markers, marker, found !== undefined) };
}

async function runSeed(
  context: DemoSeedContext,
  markers: SeedMarkerStore,
  marker: SeedMarker,
  resuming: boolean,
): Promise<void> {
  const { serving, progress } = context;
  const started = performance.now();
  let stack: SeedingStack | undefined;
  try {
    stack = await buildSeedingStack(serving, context.invalidations);
    const anchorMs =
      marker.phase === 'community'
        ? await seedCommunity(context, stack, markers, resuming ? undefined : marker.anchorMs)
        : marker.anchorMs;
    if (stack.rewards) {
      const summary = await seedRewardsDemo({
        platform: stack.platform,
        clock: stack.clock,
        services: stack.rewards,
        anchorMs,
      });
      announceRewardsDemo(serving, summary);
    }
    await markers.advance('done');
    progress.ended('done');
    serving.logger.info(
      { seconds: Math.round((performance.now() - started) / 100) / 10 },
      'demo data: seed finished',
    );
  } catch (err) {
    progress.ended('failed');
    serving.logger.error({ err }, 'demo data: seed failed; the next start finishes it');
  } finally {
    await stack?.close();
  }
}

/**
 * The community part, from `anchorMs`; without one, a run killed in this phase is erased first
 * and the plan starts over from now. Answers the anchor used, which the Rewards part shares.
 */
async function seedCommunity(
  context: DemoSeedContext,
  stack: SeedingStack,
  markers: SeedMarkerStore,
  fresh: number | undefined,
): Promise<number> {
  const { serving } = context;
  let anchorMs = fresh;
  if (anchorMs === undefined) {
    const erased = await eraseInterruptedSeed(stack.platform, stack.community);
    serving.logger.warn({ erased }, 'demo data: erased what an interrupted seed left; seeding again');
    anchorMs = serving.clock.nowMs();
    await markers.begin(anchorMs);
  }
  const summary = await seedDemo({
    app: stack.app,
    platform: stack.platform,
    clock: stack.clock,
    upload: stack.upload,
    anchorMs,
    progress: context.progress,
    ...(context.options ? { options: context.options } : {}),
  });
  const { elapsedMs, missingRoutes, ...counts } = summary;
  serving.logger.info(
    { ...counts, seconds: Math.round(elapsedMs / 100) / 10 },
    `demo data seeded; every demo account signs in with the password "${DEMO_PASSWORD}"`,
  );
  if (missingRoutes.length > 0)
    serving.logger.warn({ missingRoutes }, 'demo data is partial: routes missing');
  await markers.advance('rewards');
  return anchorMs;
}
