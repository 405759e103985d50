import { type Platform, type PlazaApp, tables } from '@plaza/kernel';
import type { CardProfiles, EventIngestor, ProgramSource } from '../contracts.ts';
import { createLedgerService, type LedgerService } from '../ledger/service.ts';
import { createLedgerStore } from '../ledger/store.ts';
import type { RewardsLedgerTables } from '../ledger/tables.ts';
import type { PointsTables } from '../lifecycle/db.ts';
import { createEventIngestor } from '../lifecycle/ingestor.ts';
import { createTransactionsReader, type TransactionsReader } from '../lifecycle/reader.ts';
import { createLifecycleStore } from '../lifecycle/store.ts';
import type { RewardsLifecycleTables } from '../lifecycle/tables.ts';
import { type PointsRouteDeps, registerPointsRoutes } from './routes.ts';

/** How often a serving process releases points whose business day has come. */
export const RELEASE_INTERVAL_MS = 60_000;

export interface PointsServices {
  /** Where network events enter: the API and the settlement-file import. */
  ingestor: EventIngestor;
  ledger: LedgerService;
  transactions: TransactionsReader;
}

export function createPointsServices(
  platform: Platform,
  deps: { programs: ProgramSource; profiles: CardProfiles },
): PointsServices {
  const store = createLifecycleStore(tables<RewardsLifecycleTables>(platform));
  const ledgerStore = createLedgerStore(tables<RewardsLedgerTables>(platform));
  return {
    ingestor: createEventIngestor({
      db: tables<PointsTables>(platform),
      store,
      ledgerStore,
      profiles: deps.profiles,
      programs: deps.programs,
      clock: platform.clock,
      onBackgroundError: (err) =>
        platform.logger.warn({ err }, "refreshing the points tables' planner statistics failed"),
    }),
    ledger: createLedgerService({
      db: tables<RewardsLedgerTables>(platform),
      store: ledgerStore,
      programs: deps.programs,
      clock: platform.clock,
    }),
    transactions: createTransactionsReader(store, ledgerStore),
  };
}

/**
 * The points API, and the release step on a timer once the process listens. Only a listening
 * server runs the timer: a settlement-file import builds the app without listening, so its
 * ledger depends on the file alone (a crashed and resumed import writes the same rows), and
 * reads release a card's due points themselves anyway.
 */
export function registerPoints(
  app: PlazaApp,
  platform: Platform,
  deps: PointsServices & Pick<PointsRouteDeps, 'cards'>,
): void {
  registerPointsRoutes(app, deps);
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deps.ledger.releaseDue();
    } catch (err) {
      platform.logger.error({ err }, 'releasing due points failed; retrying on the next tick');
    } finally {
      running = false;
    }
  };
  app.addHook('onListen', async () => {
    timer = setInterval(() => void tick(), RELEASE_INTERVAL_MS);
    timer.unref();
    void tick();
  });
  app.addHook('onClose', async () => {
    clearInterval(timer);
    // A background ANALYZE must finish before the database connections close under it.
    await deps.ingestor.idle();
  });
}
