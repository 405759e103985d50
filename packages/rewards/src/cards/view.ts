import { NotFoundError } from '@plaza/kernel';
import { type Static, Type } from '@sinclair/typebox';
import { addDays, type CalendarDate, taipeiDate, taipeiStartOfDay } from '../calendar/taipei-date.ts';
import { type CardProfile, type CardProfiles, cardStateOn, type ProgramSource } from '../contracts.ts';
import type { PlanSelection } from '../earning/selection.ts';
import { findPlan, planVersionAt, planVersionOn } from '../program/lookup.ts';
import type { LocalizedText, Program } from '../program/types.ts';
import { ineligibility, ineligibilityText } from '../selections/eligibility.ts';
import { pendingLevel } from './history.ts';
import type { Card } from './service.ts';

const Names = Type.Object({ 'zh-TW': Type.String(), en: Type.String() });

const PlanChoice = Type.Object({
  planId: Type.String(),
  names: Names,
  versionId: Type.String(),
  /** The card's plan today. */
  current: Type.Boolean(),
  /** Whether `PUT …/plan` with this plan would succeed now. */
  canPick: Type.Boolean(),
  reason: Type.Union([
    Type.Object({
      code: Type.Union(
        ['supplementary_follows_primary', 'already_switched_today', 'not_birth_month', 'not_eligible'].map(
          (c) => Type.Literal(c),
        ),
      ),
      /** When the card may pick it (a Taipei date), when known. */
      availableFrom: Type.Union([Type.String(), Type.Null()]),
      message: Names,
    }),
    Type.Null(),
  ]),
});
type PlanChoice = Static<typeof PlanChoice>;

/** A run of an eligibility flag: from a Taipei date until the first date it no longer counts (null: no end). */
export const FlagPeriodView = Type.Object({
  flag: Type.String(),
  from: Type.String(),
  until: Type.Union([Type.String(), Type.Null()]),
});

export const CardView = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('primary'), Type.Literal('supplementary')]),
  primaryCardId: Type.Union([Type.String(), Type.Null()]),
  last4: Type.String(),
  level: Type.Integer({
    description:
      'The level the card earns at today (Asia/Taipei): its own, or for a supplementary card its primary card’s.',
  }),
  levelFrom: Type.Union([Type.Literal('own'), Type.Literal('primary')], {
    description:
      'Whose level `level` and `pendingLevel` are: the card’s own, or (a supplementary card) its primary card’s, whose level it earns at.',
  }),
  pendingLevel: Type.Union([Type.Object({ level: Type.Integer(), from: Type.String() }), Type.Null()], {
    description: 'A decided level change and the 1st of the Taipei month it takes effect, or null.',
  }),
  birthMonth: Type.Union([Type.Integer(), Type.Null()]),
  flags: Type.Array(FlagPeriodView, {
    description:
      'Eligibility flags held today or granted from a later date: the Taipei date each counts from, and until (the first date it no longer counts; null without an end).',
  }),
  createdAt: Type.Integer(),
  /** The plan in force today (Asia/Taipei); a supplementary card shows its primary's. */
  currentPlan: Type.Union([
    Type.Object({
      planId: Type.String(),
      names: Type.Union([Names, Type.Null()]),
      /** null when the selected plan has no version on the shelf today. */
      versionId: Type.Union([Type.String(), Type.Null()]),
      /** The Taipei date it was selected; it applies from 00:00 that day. */
      since: Type.String(),
    }),
    Type.Null(),
  ]),
  /** Whether this card may change its plan now (primary cards, once per Taipei day). */
  canSwitchNow: Type.Boolean(),
  /** When the next change is possible if not now (00:00 Asia/Taipei), else null. */
  nextSwitchAt: Type.Union([Type.Integer(), Type.Null()]),
  planChoices: Type.Array(PlanChoice, {
    description:
      'Every plan on the shelf now: whether this card may pick it today (`canPick`) and, if not, why (`reason.code`: supplementary_follows_primary, already_switched_today, not_birth_month, not_eligible) and from when (`reason.availableFrom`), so the app can show it before a switch is refused.',
  }),
});
export type CardView = Static<typeof CardView>;

const SUPPLEMENTARY_TEXT: LocalizedText = {
  'zh-TW': '附卡適用正卡持卡人設定的方案。',
  en: "A supplementary card follows the primary card's plan.",
};

function alreadySwitchedText(tomorrow: CalendarDate): LocalizedText {
  return {
    'zh-TW': `今日已變更過方案，${tomorrow} 00:00 起可再變更。`,
    en: `The plan was already changed today; the next change is possible from ${tomorrow} 00:00 Asia/Taipei.`,
  };
}

/** The selection in force on a date: the latest made on or before it (selections are oldest first). */
function latestSelection(
  selections: readonly PlanSelection[],
  date: CalendarDate,
): PlanSelection | undefined {
  return selections.filter((s) => s.effectiveFrom <= date).at(-1);
}

interface ViewContext {
  readonly program: Program;
  readonly nowMs: number;
  readonly today: CalendarDate;
}

function planChoices(
  card: Card,
  profile: CardProfile,
  ctx: ViewContext,
  switchedToday: boolean,
): PlanChoice[] {
  const state = cardStateOn(profile, ctx.today);
  const currentId = latestSelection(profile.selections, ctx.today)?.planId;
  const tomorrow = addDays(ctx.today, 1);
  return ctx.program.plans.flatMap((plan) => {
    const version = planVersionAt(ctx.program, plan.id, ctx.nowMs);
    if (!version) return [];
    const current = plan.id === currentId;
    const unmet = ineligibility(version.eligibility, state, ctx.today);
    let reason: PlanChoice['reason'] = null;
    if (card.primaryCardId !== null) {
      reason = { code: 'supplementary_follows_primary', availableFrom: null, message: SUPPLEMENTARY_TEXT };
    } else if (unmet && !current) {
      const message = ineligibilityText(unmet, version.names);
      reason = { code: unmet.code, availableFrom: unmet.eligibleFrom, message };
    } else if (switchedToday && !current) {
      reason = {
        code: 'already_switched_today',
        availableFrom: tomorrow,
        message: alreadySwitchedText(tomorrow),
      };
    }
    return [
      {
        planId: plan.id,
        names: version.names,
        versionId: version.id,
        current,
        canPick: reason === null,
        reason,
      },
    ];
  });
}

function cardView(card: Card, profile: CardProfile, ctx: ViewContext): CardView {
  const { today } = ctx;
  const selection = latestSelection(profile.selections, today);
  const plan = selection ? findPlan(ctx.program, selection.planId) : undefined;
  const version = plan && planVersionOn(plan, today);
  const primary = card.primaryCardId === null;
  const switchedToday = selection?.effectiveFrom === today;
  const pending = pendingLevel(profile.levels, today);
  return {
    id: card.id,
    kind: primary ? 'primary' : 'supplementary',
    primaryCardId: card.primaryCardId,
    last4: card.last4,
    // The profile carries the deciding card's levels: the primary's for a supplementary card.
    level: cardStateOn(profile, today).level,
    levelFrom: primary ? 'own' : 'primary',
    pendingLevel: pending ? { level: pending.level, from: pending.from } : null,
    birthMonth: card.birthMonth,
    flags: profile.flagPeriods
      .filter((run) => run.until === null || run.until > today)
      .map(({ flag, from, until }) => ({ flag, from, until })),
    createdAt: card.createdAt,
    currentPlan: selection
      ? {
          planId: selection.planId,
          names: version?.names ?? plan?.names ?? null,
          versionId: version?.id ?? null,
          since: selection.effectiveFrom,
        }
      : null,
    canSwitchNow: primary && !switchedToday,
    nextSwitchAt: primary && switchedToday ? taipeiStartOfDay(addDays(today, 1)) : null,
    planChoices: planChoices(card, profile, ctx, switchedToday),
  };
}

export interface CardViewDeps {
  programs: ProgramSource;
  profiles: CardProfiles;
  nowMs: () => number;
}

/** Views of several cards from one profile batch (a constant number of queries). */
export function createCardViews({ programs, profiles, nowMs }: CardViewDeps) {
  return async (cards: readonly Card[]): Promise<CardView[]> => {
    const found = await profiles.byRefs(cards.map((c) => c.id));
    const now = nowMs();
    const ctx: ViewContext = { program: programs.current(), nowMs: now, today: taipeiDate(now) };
    return cards.map((card) => {
      const profile = found.get(card.id);
      if (!profile) throw new NotFoundError('That card');
      return cardView(card, profile, ctx);
    });
  };
}

export type CardViews = ReturnType<typeof createCardViews>;
