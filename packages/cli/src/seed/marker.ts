import { type Platform, tables } from '@plaza/kernel';

/** "community" and "rewards" while a seed runs (or after it was killed); "done" once finished. */
export type SeedPhase = 'community' | 'rewards' | 'done';

export interface SeedMarker {
  phase: SeedPhase;
  anchorMs: number;
}

interface MarkerTables {
  demo_seed: { id: string; phase: string; anchor_ms: number; started_at: number; updated_at: number };
}

const ROW = 'demo';

/** The one-row record of the demo seed (`migrations/…-cli-demo-seed.ts`); `platform` is the serving one, on real time. */
export function createSeedMarkerStore(platform: Platform) {
  const db = tables<MarkerTables>(platform);
  const now = () => platform.clock.nowMs();
  return {
    async read(): Promise<SeedMarker | undefined> {
      const row = await db.selectFrom('demo_seed').selectAll().where('id', '=', ROW).executeTakeFirst();
      return row && { phase: row.phase as SeedPhase, anchorMs: Number(row.anchor_ms) };
    },
    async begin(anchorMs: number): Promise<void> {
      await db.deleteFrom('demo_seed').where('id', '=', ROW).execute();
      await db
        .insertInto('demo_seed')
        .values({ id: ROW, phase: 'community', anchor_ms: anchorMs, started_at: now(), updated_at: now() })
        .execute();
    },
    async advance(phase: SeedPhase): Promise<void> {
      await db.updateTable('demo_seed').set({ phase, updated_at: now() }).where('id', '=', ROW).execute();
    },
  };
}

export type SeedMarkerStore = ReturnType<typeof createSeedMarkerStore>;
