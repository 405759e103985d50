import type { Kysely } from 'kysely';
import { taipeiDate } from '../calendar/taipei-date.ts';
import type { CardProfile, CardProfiles } from '../contracts.ts';
import type { PlanSelection } from '../earning/selection.ts';
import type { CardLevel } from '../program/types.ts';
import type { CardRow, RewardsCardTables } from './store.ts';

/**
 * Card profiles for the points path, by id or network token, in three queries per batch
 * whatever its size: the cards, their primaries, the deciding cards' selections.
 */
export function createCardProfiles(db: Kysely<RewardsCardTables>): CardProfiles {
  return {
    async byRefs(refs) {
      const found = new Map<string, CardProfile>();
      if (refs.length === 0) return found;
      const unique = [...new Set(refs)];
      const rows = await db
        .selectFrom('rewards_cards')
        .selectAll()
        .where((eb) => eb.or([eb('id', 'in', unique), eb('token', 'in', unique)]))
        .execute();
      const deciding = [...new Set(rows.map((r) => r.primary_card_id ?? r.id))];
      const selections = await selectionsOf(db, deciding);
      for (const row of rows) {
        const profile = toProfile(row, selections.get(row.primary_card_id ?? row.id) ?? []);
        found.set(row.id, profile);
        found.set(row.token, profile);
      }
      // Only the references asked for, keyed as given.
      return new Map(unique.flatMap((ref) => (found.has(ref) ? [[ref, found.get(ref) as CardProfile]] : [])));
    },
  };
}

async function selectionsOf(
  db: Kysely<RewardsCardTables>,
  cardIds: readonly string[],
): Promise<Map<string, PlanSelection[]>> {
  const bySelector = new Map<string, PlanSelection[]>();
  if (cardIds.length === 0) return bySelector;
  const rows = await db
    .selectFrom('rewards_plan_selections')
    .select(['card_id', 'plan_id', 'taipei_date'])
    .where('card_id', 'in', cardIds)
    .orderBy('taipei_date', 'asc')
    .execute();
  for (const row of rows) {
    const list = bySelector.get(row.card_id) ?? [];
    list.push({ planId: row.plan_id, effectiveFrom: row.taipei_date });
    bySelector.set(row.card_id, list);
  }
  return bySelector;
}

function toProfile(row: CardRow, selections: PlanSelection[]): CardProfile {
  return {
    cardId: row.id,
    token: row.token,
    holderAccountId: row.holder_account_id,
    primaryCardId: row.primary_card_id,
    birthMonth: row.birth_month === null ? null : Number(row.birth_month),
    levels: [{ level: Number(row.level) as CardLevel, from: taipeiDate(Number(row.created_at)) }],
    flags: {},
    selections,
  };
}
