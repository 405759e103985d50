import { NotFoundError } from '@plaza/kernel';
import { addDays, type CalendarDate, taipeiDate, taipeiStartOfDay } from '../calendar/taipei-date.ts';
import type { CardRow, CardsStore, PlanSelectionRow } from '../cards/store.ts';
import { type CardProfiles, cardStateOn, type ProgramSource } from '../contracts.ts';
import type { PlanSelection } from '../earning/selection.ts';
import { planVersionAt } from '../program/lookup.ts';
import type { PlanVersion } from '../program/types.ts';
import { ineligibility, ineligibilityText } from './eligibility.ts';
import {
  AlreadySwitchedTodayError,
  PlanNotAvailableError,
  PlanNotEligibleError,
  SupplementaryFollowsPrimaryError,
} from './errors.ts';
import { createSwitchWriter, type SwitchBatchLimits } from './switch-batch.ts';

export interface SelectionEntry {
  readonly planId: string;
  /** The Taipei date the switch was made; the plan applies from its 00:00. */
  readonly taipeiDate: CalendarDate;
  /** 00:00 Asia/Taipei of `taipeiDate`, epoch ms. */
  readonly effectiveFrom: number;
  readonly selectedAt: number;
}

export interface SwitchResult {
  readonly cardId: string;
  readonly planId: string;
  /** The Taipei date the selection in force was made. */
  readonly taipeiDate: CalendarDate;
  readonly effectiveFrom: number;
  /** false when the plan asked for was already the card's plan: nothing was written, the day's change is not used. */
  readonly changed: boolean;
  /** When the next change is possible (00:00 Taipei tomorrow) or null when it is possible now. */
  readonly nextSwitchAt: number | null;
}

export interface SelectionsDeps {
  store: CardsStore;
  /** Read on every call: a plan the bank takes off the shelf cannot be chosen a moment later. */
  programs: ProgramSource;
  profiles: CardProfiles;
  /** How switches are grouped into statements (tests make batches small or the queue short). */
  batchLimits?: SwitchBatchLimits;
}

function toEntry(row: PlanSelectionRow): SelectionEntry {
  return {
    planId: row.plan_id,
    taipeiDate: row.taipei_date,
    effectiveFrom: taipeiStartOfDay(row.taipei_date),
    selectedAt: Number(row.selected_at),
  };
}

/** Why a switch that wrote nothing wrote nothing, from the card and its selection in force. */
interface SwitchState {
  readonly row: CardRow | undefined;
  readonly current: PlanSelectionRow | undefined;
}

/** What a switch asks for: the card (and its holder, when the request comes from one), plan, time. */
interface SwitchRequest {
  readonly cardId: string;
  readonly holderAccountId: string | null;
  readonly planId: string;
  readonly nowMs: number;
  readonly today: CalendarDate;
}

/**
 * Plan switching (§1.2): a primary card changes its plan at most once per Asia/Taipei calendar
 * day, the new plan applying from 00:00 that day, to a plan on the shelf whose eligibility the
 * card meets today; supplementary cards follow the primary's history. Selections are appended,
 * never updated.
 */
export function createSelectionsService({ store, programs, profiles, batchLimits }: SelectionsDeps) {
  const writeSwitch = createSwitchWriter(store.insertSwitches, batchLimits);
  async function card(cardId: string): Promise<CardRow> {
    const row = await store.findCard(cardId);
    if (!row) throw new NotFoundError('That card');
    return row;
  }
  /** The card whose selections apply: the card itself, or a supplementary card's primary. */
  async function deciding(cardId: string): Promise<string> {
    const row = await card(cardId);
    return row.primary_card_id ?? row.id;
  }

  function result(ask: SwitchRequest, since: CalendarDate, changed: boolean): SwitchResult {
    const tomorrowAt = taipeiStartOfDay(addDays(ask.today, 1));
    return {
      cardId: ask.cardId,
      planId: ask.planId,
      taipeiDate: since,
      effectiveFrom: taipeiStartOfDay(since),
      changed,
      nextSwitchAt: since === ask.today ? tomorrowAt : null,
    };
  }

  /**
   * The answer when the card may not take this switch, in the order the rules are told: an
   * unknown card (or one the holder does not hold), a supplementary card, a plan off the shelf,
   * the plan already in force (not a change: a retry answers the same), today's change used.
   */
  function refusal(ask: SwitchRequest, state: SwitchState, onShelf: boolean): SwitchResult | Error | null {
    const { row, current } = state;
    if (!row || (ask.holderAccountId !== null && row.holder_account_id !== ask.holderAccountId))
      return new NotFoundError('That card');
    if (row.primary_card_id !== null) return new SupplementaryFollowsPrimaryError();
    if (!onShelf) return new PlanNotAvailableError(ask.planId);
    if (current?.plan_id === ask.planId) return result(ask, current.taipei_date, false);
    if (current?.taipei_date === ask.today) {
      const tomorrow = addDays(ask.today, 1);
      return new AlreadySwitchedTodayError(ask.today, tomorrow, taipeiStartOfDay(tomorrow));
    }
    return null;
  }

  /** Reads the card and its plan in force, and answers or throws what `refusal` decides. */
  async function explain(ask: SwitchRequest, onShelf: boolean): Promise<SwitchResult | null> {
    const [row, current] = await Promise.all([
      store.findCard(ask.cardId),
      store.selectionOn(ask.cardId, ask.today),
    ]);
    const outcome = refusal(ask, { row, current }, onShelf);
    if (outcome instanceof Error) throw outcome;
    return outcome;
  }

  /** Refuses a plan whose eligibility (birth month, a flag) the card does not meet today. */
  async function assertEligible(ask: SwitchRequest, version: PlanVersion): Promise<void> {
    const profile = (await profiles.byRefs([ask.cardId])).get(ask.cardId);
    if (!profile) throw new NotFoundError('That card');
    const reason = ineligibility(version.eligibility, cardStateOn(profile, ask.today), ask.today);
    if (reason) throw new PlanNotEligibleError(reason, ineligibilityText(reason, version.names));
  }

  async function switchPlan(ask: SwitchRequest): Promise<SwitchResult> {
    const version = planVersionAt(programs.current(), ask.planId, ask.nowMs);
    // Rare answers read the card first so they come in the rules' order; a plain switch to a
    // plan open to everyone is one statement.
    if (!version) {
      await explain(ask, false);
      throw new PlanNotAvailableError(ask.planId);
    }
    if (version.eligibility.kind !== 'everyone') {
      const answered = await explain(ask, true);
      if (answered) return answered;
      await assertEligible(ask, version);
    }
    const row = { card_id: ask.cardId, plan_id: ask.planId, taipei_date: ask.today, selected_at: ask.nowMs };
    if (await writeSwitch({ row, holderAccountId: ask.holderAccountId })) return result(ask, ask.today, true);
    // Nothing written: a refusal, the plan already in force, or a racing switch won today's change.
    const answered = await explain(ask, true);
    if (answered) return answered;
    const tomorrow = addDays(ask.today, 1);
    throw new AlreadySwitchedTodayError(ask.today, tomorrow, taipeiStartOfDay(tomorrow));
  }

  return {
    /**
     * Switches a primary card's plan. With `holderAccountId` (a cardholder's request), a card the
     * account does not hold is "not found", checked in the same statement as the write.
     */
    switchPlan: (
      cardId: string,
      planId: string,
      nowMs: number,
      options: { holderAccountId?: string } = {},
    ): Promise<SwitchResult> =>
      switchPlan({
        cardId,
        planId,
        nowMs,
        holderAccountId: options.holderAccountId ?? null,
        today: taipeiDate(nowMs),
      }),

    /** The plan selected on a Taipei date (a supplementary card answers its primary's), or null before any selection. */
    async planOn(cardId: string, date: CalendarDate): Promise<string | null> {
      const row = await store.selectionOn(await deciding(cardId), date);
      return row?.plan_id ?? null;
    },

    /** The selection in force on a Taipei date (a supplementary card answers its primary's), or null. */
    async selectionOn(cardId: string, date: CalendarDate): Promise<SelectionEntry | null> {
      const row = await store.selectionOn(await deciding(cardId), date);
      return row ? toEntry(row) : null;
    },

    /** The full selection history that applies to a card, oldest first. */
    async history(cardId: string): Promise<SelectionEntry[]> {
      return (await store.selections(await deciding(cardId))).map(toEntry);
    },

    /** The history in the engine's shape, for `resolvePlanVersion`. */
    async planHistory(cardId: string): Promise<PlanSelection[]> {
      return (await store.selections(await deciding(cardId))).map((r) => ({
        planId: r.plan_id,
        effectiveFrom: r.taipei_date,
      }));
    },
  };
}

export type SelectionsService = ReturnType<typeof createSelectionsService>;
