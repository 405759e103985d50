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
}

function toEntry(row: PlanSelectionRow): SelectionEntry {
  return {
    planId: row.plan_id,
    taipeiDate: row.taipei_date,
    effectiveFrom: taipeiStartOfDay(row.taipei_date),
    selectedAt: Number(row.selected_at),
  };
}

/** Refuses a plan whose eligibility (birth month, a flag) the card does not meet on `today`. */
async function assertEligible(
  profiles: CardProfiles,
  row: CardRow,
  version: PlanVersion,
  today: CalendarDate,
): Promise<void> {
  if (version.eligibility.kind === 'everyone') return;
  const profile = (await profiles.byRefs([row.id])).get(row.id);
  if (!profile) throw new NotFoundError('That card');
  const reason = ineligibility(version.eligibility, cardStateOn(profile, today), today);
  if (reason) throw new PlanNotEligibleError(reason, ineligibilityText(reason, version.names));
}

/**
 * Plan switching (§1.2): a primary card changes its plan at most once per Asia/Taipei calendar
 * day, the new plan applying from 00:00 that day, to a plan on the shelf whose eligibility the
 * card meets today; supplementary cards follow the primary's history. Selections are appended,
 * never updated.
 */
export function createSelectionsService({ store, programs, profiles }: SelectionsDeps) {
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

  return {
    async switchPlan(primaryCardId: string, planId: string, nowMs: number): Promise<SwitchResult> {
      const row = await card(primaryCardId);
      if (row.primary_card_id !== null) throw new SupplementaryFollowsPrimaryError();
      const version = planVersionAt(programs.current(), planId, nowMs);
      if (!version) throw new PlanNotAvailableError(planId);
      const today = taipeiDate(nowMs);
      const tomorrow = addDays(today, 1);
      const current = await store.selectionOn(row.id, today);
      const result = (since: CalendarDate, changed: boolean, nextSwitchAt: number | null): SwitchResult => ({
        cardId: row.id,
        planId,
        taipeiDate: since,
        effectiveFrom: taipeiStartOfDay(since),
        changed,
        nextSwitchAt,
      });
      const switchedToday = current?.taipei_date === today;
      // Asking for the plan already held is not a change: a retry of today's switch answers the same.
      if (current?.plan_id === planId) {
        return result(current.taipei_date, false, switchedToday ? taipeiStartOfDay(tomorrow) : null);
      }
      const refuse = () => new AlreadySwitchedTodayError(today, tomorrow, taipeiStartOfDay(tomorrow));
      if (switchedToday) throw refuse();
      await assertEligible(profiles, row, version, today);
      const inserted = await store.insertSelection({
        card_id: row.id,
        plan_id: planId,
        taipei_date: today,
        selected_at: nowMs,
      });
      // Another request switched first, between the read and this insert.
      if (!inserted) throw refuse();
      return result(today, true, taipeiStartOfDay(tomorrow));
    },

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
