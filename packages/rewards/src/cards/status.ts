import { type Clock, type FieldIssue, type IdGenerator, NotFoundError, ValidationError } from '@plaza/kernel';
import { type CalendarDate, isCalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { CardLevel } from '../program/types.ts';
import { firstOfNextMonth, flagRuns, heldOn, levelOn, levelPeriods } from './history.ts';
import type { CardFlagRow, CardHistoryStore } from './history-store.ts';
import type { CardRow, CardsStore } from './store.ts';

export interface StatusChange {
  readonly cardId: string;
  /** The Taipei date the change counts from: the 1st of the next month unless the admin gave one. */
  readonly effectiveFrom: CalendarDate;
  /** false when the card already stood so from that date: nothing was written. */
  readonly changed: boolean;
}

export interface FlagChange extends StatusChange {
  readonly flag: string;
  /** A grant's end (the first Taipei date it no longer counts), or null: no end, or a revocation. */
  readonly until: CalendarDate | null;
}

/** Dates the admin may give; absent ones take the defaults. */
export interface AskedFlagDates {
  readonly from?: CalendarDate | undefined;
  readonly until?: CalendarDate | undefined;
}

interface FlagDates {
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
}

/**
 * The dates a flag decision counts from and until. Not before today: points already earned
 * stay explained by the flags they were earned under.
 */
function flagDates(today: CalendarDate, asked: AskedFlagDates): FlagDates {
  const from = asked.from ?? firstOfNextMonth(today);
  const until = asked.until ?? null;
  const issues: FieldIssue[] = [];
  for (const [field, date] of [
    ['/from', asked.from],
    ['/until', asked.until],
  ] as const) {
    if (date === undefined) continue;
    if (!isCalendarDate(date)) issues.push({ field, code: 'not_date', message: 'is not a calendar date' });
    else if (date < today)
      issues.push({
        field,
        code: 'in_the_past',
        params: { today },
        message: `is before today (${today}, Asia/Taipei)`,
      });
  }
  if (issues.length > 0)
    throw new ValidationError('A flag decision cannot count from a past date.', issues, 'flag_date_invalid');
  if (until !== null && until <= from)
    throw new ValidationError(
      'A flag must end after it starts.',
      [{ field: '/until', code: 'not_after', params: { from }, message: `is not after ${from}` }],
      'flag_until_before_from',
    );
  return { from, until };
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

  /** The flag's decisions so far, in the order made. */
  async function flagRows(cardId: string, flag: string) {
    return (await history.flagsOf([cardId])).filter((r) => r.flag === flag);
  }

  function flagRow(
    cardId: string,
    flag: string,
    action: 'grant' | 'revoke',
    from: CalendarDate,
    actor: string,
  ) {
    return {
      id: ids.next(),
      card_id: cardId,
      flag,
      action,
      effective_from: from,
      account_id: actor,
      created_at: clock.nowMs(),
    };
  }

  /**
   * The decisions that make the flag held on every day of `[from, until)`: a grant where it is
   * not held (at `from`, and at each end already decided inside the range), then an end at `until`.
   */
  function grantDecisions(
    cardId: string,
    rows: CardFlagRow[],
    flag: string,
    dates: FlagDates,
    actor: string,
  ): CardFlagRow[] {
    const added: CardFlagRow[] = [];
    const runs = () => flagRuns([...rows, ...added]);
    const inside = rows
      .map((r) => r.effective_from)
      .filter((d) => d > dates.from && (dates.until === null || d < dates.until));
    for (const date of [dates.from, ...new Set(inside)].sort()) {
      if (!heldOn(runs(), date)) added.push(flagRow(cardId, flag, 'grant', date, actor));
    }
    if (dates.until !== null && heldOn(runs(), dates.until))
      added.push(flagRow(cardId, flag, 'revoke', dates.until, actor));
    return added;
  }

  async function recordFlag(
    cardId: string,
    flag: string,
    action: 'grant' | 'revoke',
    actor: string,
    asked: AskedFlagDates,
  ) {
    const row = await card(cardId);
    const dates = flagDates(taipeiDate(clock.nowMs()), asked);
    const rows = await flagRows(row.id, flag);
    const added =
      action === 'grant'
        ? grantDecisions(row.id, rows, flag, dates, actor)
        : heldOn(flagRuns(rows), dates.from)
          ? [flagRow(row.id, flag, 'revoke', dates.from, actor)]
          : [];
    if (added.length > 0)
      await history.transaction(async (trx) => {
        for (const decision of added) await history.insertFlag(decision, trx);
      });
    const until = action === 'grant' ? dates.until : null;
    return { cardId: row.id, flag, effectiveFrom: dates.from, until, changed: added.length > 0 };
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

    /** The flag counts from `from` (the 1st of the next month unless given) until `until` (no end unless given). */
    grantFlag: (
      cardId: string,
      flag: string,
      actor: string,
      dates: AskedFlagDates = {},
    ): Promise<FlagChange> => recordFlag(cardId, flag, 'grant', actor, dates),

    /** The flag stops counting from `from`: the 1st of the next month unless given (eligibility is judged monthly). */
    revokeFlag: (
      cardId: string,
      flag: string,
      actor: string,
      dates: { from?: CalendarDate } = {},
    ): Promise<FlagChange> => recordFlag(cardId, flag, 'revoke', actor, dates),
  };
}

export type CardStatusService = ReturnType<typeof createCardStatusService>;
