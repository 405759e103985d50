import type { Kysely } from 'kysely';
import type { RewardsLedgerTables } from '../ledger/tables.ts';
import type { RewardsLifecycleTables } from './tables.ts';

/** The points path's tables: the lifecycle's and the ledger's, written in one transaction. */
export type PointsTables = RewardsLifecycleTables & RewardsLedgerTables;

/** Every table the ingestor writes (and reads back by key or index). */
export const POINTS_TABLE_NAMES = [
  'rewards_events',
  'rewards_transactions',
  'rewards_cap_uses',
  'rewards_postings',
  'rewards_release_queue',
  'rewards_card_balances',
] as const satisfies readonly (keyof PointsTables)[];

/**
 * One connection or transaction seen through each module's own table types. Kysely's schema
 * parameter is invariant, so a `Kysely<A & B>` is not a `Kysely<A>` to the compiler although
 * every query on A's tables runs the same on it.
 */
export function asModules(db: Kysely<PointsTables>): {
  lifecycle: Kysely<RewardsLifecycleTables>;
  ledger: Kysely<RewardsLedgerTables>;
} {
  return {
    lifecycle: db as unknown as Kysely<RewardsLifecycleTables>,
    ledger: db as unknown as Kysely<RewardsLedgerTables>,
  };
}
