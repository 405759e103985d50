import { type Clock, type IdGenerator, NotFoundError } from '@plaza/kernel';
import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { CardLevel } from '../program/types.ts';
import { firstOfNextMonth, flagRuns, levelOn, levelPeriods } from './history.ts';
import type { CardHistoryStore } from './history-store.ts';
import type { CardRow, CardsStore } from './store.ts';

export interface StatusChange {
  readonly cardId: string;
  /** The Taipei date the change counts from: the 1st of the next month. */
  readonly effectiveFrom: CalendarDate;
  /** false when the card already stood so from that date: nothing was written. */
  readonly changed: boolean;
}

export interface CardStatusDeps {
  cards: CardsStore;
  history: CardHistoryStore;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * The bank's decisions about a card, each counting from the 1st of the next Taipei month: the
 * level (Level 2 once the holder pays through the app or by auto-debit, Level 3 for wealth
 * clients, §1.4 "effective next month") and eligibility flags (童樂匯's `kids`: eligible by
 * the 20th, the plan may be chosen from the 1st of the next month, §1.4). Rows are appended;
 * a decision for the same date replaces an earlier one that has not taken effect.
 */
export function createCardStatusService({ cards, history, clock, ids }: CardStatusDeps) {
  async function card(cardId: string): Promise<CardRow> {
    const row = await cards.findCard(cardId);
    if (!row) throw new NotFoundError('That card');
    return row;
  }
  const nextMonth = () => firstOfNextMonth(taipeiDate(clock.nowMs()));

  async function flagHeldOn(cardId: string, flag: string, date: CalendarDate): Promise<boolean> {
    const rows = (await history.flagsOf([cardId])).filter((r) => r.flag === flag);
    return flagRuns(rows).some((run) => run.from <= date && (run.until === null || run.until > date));
  }

  async function recordFlag(cardId: string, flag: string, action: 'grant' | 'revoke', actor: string) {
    const row = await card(cardId);
    const from = nextMonth();
    const held = await flagHeldOn(row.id, flag, from);
    if (held === (action === 'grant')) return { cardId: row.id, flag, effectiveFrom: from, changed: false };
    await history.insertFlag({
      id: ids.next(),
      card_id: row.id,
      flag,
      action,
      effective_from: from,
      account_id: actor,
      created_at: clock.nowMs(),
    });
    return { cardId: row.id, flag, effectiveFrom: from, changed: true };
  }

  return {
    async changeLevel(
      cardId: string,
      level: CardLevel,
      reason: string | null,
      actor: string,
    ): Promise<StatusChange & { level: CardLevel }> {
      const row = await card(cardId);
      const from = nextMonth();
      const issued = { level: Number(row.level) as CardLevel, from: taipeiDate(Number(row.created_at)) };
      const periods = levelPeriods(issued, await history.levelsOf([row.id]));
      if (levelOn(periods, from) === level)
        return { cardId: row.id, level, effectiveFrom: from, changed: false };
      await history.insertLevel({
        id: ids.next(),
        card_id: row.id,
        level,
        effective_from: from,
        reason,
        account_id: actor,
        created_at: clock.nowMs(),
      });
      return { cardId: row.id, level, effectiveFrom: from, changed: true };
    },

    /** The flag counts from the 1st of the next month. */
    grantFlag: (cardId: string, flag: string, actor: string): Promise<StatusChange & { flag: string }> =>
      recordFlag(cardId, flag, 'grant', actor),

    /** The flag stops counting from the 1st of the next month (eligibility is judged monthly). */
    revokeFlag: (cardId: string, flag: string, actor: string): Promise<StatusChange & { flag: string }> =>
      recordFlag(cardId, flag, 'revoke', actor),
  };
}

export type CardStatusService = ReturnType<typeof createCardStatusService>;
