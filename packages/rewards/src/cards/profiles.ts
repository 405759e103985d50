import { type Clock, dialectOf } from '@plaza/kernel';
import type { ExpressionBuilder, Kysely } from 'kysely';
import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { CardProfile, CardProfiles, FlagPeriod } from '../contracts.ts';
import type { PlanSelection } from '../earning/selection.ts';
import { inList } from '../ledger/in-list.ts';
import type { CardLevel } from '../program/types.ts';
import { flagPeriods, flagsAsOf, levelPeriods } from './history.ts';
import {
  type CardFlagRow,
  type CardLevelRow,
  createCardHistoryStore,
  type RewardsCardHistoryTables,
} from './history-store.ts';
import type { CardRow } from './store.ts';

/**
 * Card profiles for the points path, by id or network token, in four queries per batch whatever
 * its size: the cards (with the primaries of supplementary ones), the deciding cards' selections,
 * the deciding cards' level changes, the cards' flags. A supplementary card follows its primary
 * for both the plan and the level (issue 10): its own level is ignored, so it earns at the
 * primary's level on the purchase date. `flags` is as of today (Taipei, from the clock);
 * `flagPeriods` keeps every run with its end.
 */
export function createCardProfiles(db: Kysely<RewardsCardHistoryTables>, clock: Clock): CardProfiles {
  const history = createCardHistoryStore(db);
  const dialect = dialectOf(db);
  return {
    async byRefs(refs) {
      const found = new Map<string, CardProfile>();
      if (refs.length === 0) return found;
      const unique = [...new Set(refs)];
      const asked = (eb: ExpressionBuilder<RewardsCardHistoryTables, 'rewards_cards'>) =>
        eb.or([inList(dialect, 'id', unique), inList(dialect, 'token', unique)]);
      // The asked cards and the primaries of the supplementary ones among them, in one query.
      const loaded = await db
        .selectFrom('rewards_cards')
        .selectAll()
        .where((eb) =>
          eb.or([
            asked(eb),
            eb('id', 'in', eb.selectFrom('rewards_cards').select('primary_card_id').where(asked)),
          ]),
        )
        .execute();
      const byId = new Map(loaded.map((r) => [r.id, r]));
      const rows = loaded.filter((r) => unique.includes(r.id) || unique.includes(r.token));
      const cardIds = rows.map((r) => r.id);
      const deciding = [...new Set(rows.map((r) => r.primary_card_id ?? r.id))];
      const [selections, levels, flags] = await Promise.all([
        selectionsOf(db, deciding),
        history.levelsOf(deciding).then(groupByCard),
        history.flagsOf(cardIds).then(groupByCard),
      ]);
      const today = taipeiDate(clock.nowMs());
      for (const row of rows) {
        const decider = byId.get(row.primary_card_id ?? row.id) ?? row;
        const profile = toProfile(row, decider, today, {
          selections: selections.get(decider.id) ?? [],
          levels: levels.get(decider.id) ?? [],
          flags: flagPeriods(flags.get(row.id) ?? []),
        });
        found.set(row.id, profile);
        found.set(row.token, profile);
      }
      // Only the references asked for, keyed as given.
      return new Map(unique.flatMap((ref) => (found.has(ref) ? [[ref, found.get(ref) as CardProfile]] : [])));
    },
  };
}

function groupByCard<T extends CardLevelRow | CardFlagRow>(rows: T[]): Map<string, T[]> {
  const byCard = new Map<string, T[]>();
  for (const row of rows) {
    const list = byCard.get(row.card_id) ?? [];
    list.push(row);
    byCard.set(row.card_id, list);
  }
  return byCard;
}

async function selectionsOf(
  db: Kysely<RewardsCardHistoryTables>,
  cardIds: readonly string[],
): Promise<Map<string, PlanSelection[]>> {
  const bySelector = new Map<string, PlanSelection[]>();
  if (cardIds.length === 0) return bySelector;
  const rows = await db
    .selectFrom('rewards_plan_selections')
    .select(['card_id', 'plan_id', 'taipei_date'])
    .where(inList(dialectOf(db), 'card_id', cardIds))
    .orderBy('taipei_date', 'asc')
    .execute();
  for (const row of rows) {
    const list = bySelector.get(row.card_id) ?? [];
    list.push({ planId: row.plan_id, effectiveFrom: row.taipei_date });
    bySelector.set(row.card_id, list);
  }
  return bySelector;
}

interface ProfileParts {
  selections: PlanSelection[];
  levels: CardLevelRow[];
  flags: FlagPeriod[];
}

/** `decider` is the card whose plan and level `row` earns by: itself, or its primary. */
function toProfile(row: CardRow, decider: CardRow, today: CalendarDate, parts: ProfileParts): CardProfile {
  const issued = { level: Number(decider.level) as CardLevel, from: taipeiDate(Number(decider.created_at)) };
  return {
    cardId: row.id,
    token: row.token,
    holderAccountId: row.holder_account_id,
    primaryCardId: row.primary_card_id,
    birthMonth: row.birth_month === null ? null : Number(row.birth_month),
    levels: levelPeriods(issued, parts.levels),
    flags: flagsAsOf(parts.flags, today),
    flagPeriods: parts.flags,
    selections: parts.selections,
  };
}
