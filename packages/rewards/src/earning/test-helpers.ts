import { addDays, type CalendarDate, taipeiInstant } from '../calendar/taipei-date.ts';
import { CUBE_PROGRAM } from '../program/cube-program.ts';
import type { Cap, Program } from '../program/types.ts';
import { computeEarning, type Earning } from './engine.ts';
import { type PlanSelection, resolvePlanVersion } from './selection.ts';
import type { CapUsage, CardState, EarningTransaction } from './types.ts';

/** NT$ → TWD minor units. */
export const ntd = (twd: number): number => twd * 100;

export interface TxSpec {
  readonly on: CalendarDate;
  readonly at?: string;
  readonly settledOn?: CalendarDate;
  readonly settledAt?: string;
  /** The billed TWD amount in whole NT$. */
  readonly ntd: number;
  readonly merchant: string;
  readonly mcc?: string;
  readonly country?: string;
  readonly presence?: 'in_person' | 'online';
  readonly currency?: string;
  /** Original amount in `currency` minor units; defaults to the billed TWD. */
  readonly amountMinor?: number;
  readonly installments?: { readonly count: number; readonly index: number };
}

/** A settled transaction from a compact spec; settlement defaults to two days later at 10:00. */
export function transaction(spec: TxSpec): EarningTransaction {
  return {
    id: `tx-${spec.on}-${spec.merchant}-${spec.ntd}`,
    amountMinor: spec.amountMinor ?? ntd(spec.ntd),
    currency: spec.currency ?? 'TWD',
    billedAmountTwdMinor: ntd(spec.ntd),
    merchant: {
      id: spec.merchant,
      name: spec.merchant,
      mcc: spec.mcc ?? '5999',
      country: spec.country ?? 'TW',
      presence: spec.presence ?? 'in_person',
    },
    transactionAt: taipeiInstant(spec.on, spec.at ?? '12:00'),
    settledAt: taipeiInstant(spec.settledOn ?? addDays(spec.on, 2), spec.settledAt ?? '10:00'),
    ...(spec.installments ? { installments: spec.installments } : {}),
  };
}

export function cardState(over: Partial<CardState> = {}): CardState {
  return { level: 2, birthMonth: null, eligibleFrom: {}, ...over };
}

/** A plan held since long before any test date. */
export function holding(planId: string): PlanSelection[] {
  return [{ planId, effectiveFrom: '2000-01-01' }];
}

/** Resolves the plan version the way the lifecycle will, then runs the engine. */
export function earn(
  program: Program,
  history: readonly PlanSelection[],
  tx: EarningTransaction,
  card: CardState = cardState(),
  capsUsed: CapUsage = {},
): Earning {
  const planVersion = resolvePlanVersion(program, history, tx);
  return computeEarning({ transaction: tx, planVersion, card, capsUsed, settings: program.settings });
}

/** The CUBE program with caps on one version, for cap examples (the seed has none, §1.4). */
export function withCaps(versionId: string, caps: readonly Cap[], program: Program = CUBE_PROGRAM): Program {
  return {
    ...program,
    plans: program.plans.map((plan) => ({
      ...plan,
      versions: plan.versions.map((v) => (v.id === versionId ? { ...v, caps } : v)),
    })),
  };
}

export function withSettings(over: Partial<Program['settings']>, program: Program = CUBE_PROGRAM): Program {
  return { ...program, settings: { ...program.settings, ...over } };
}
