import type { NetworkEventType } from '../contracts.ts';
import type { PostingLeg } from '../ledger/accounts.ts';
import type { ParsedEvent, ParsedMerchant } from './event.ts';

export type TransactionStatus =
  | 'authorized'
  | 'reversed'
  | 'expired'
  | 'settled'
  | 'partially_refunded'
  | 'refunded'
  | 'charged_back';

export interface TransactionSummary {
  readonly status: TransactionStatus;
  readonly merchant: ParsedMerchant | null;
  readonly currency: string;
  /** Minor units of `currency`. */
  readonly authorizedAmount: number;
  readonly settledAmount: number;
  readonly refundedAmount: number;
  readonly chargedBackAmount: number;
  /** TWD minor units billed by its settlements. */
  readonly billedAmountTwd: number;
  readonly transactionAt: number;
  readonly settledAt: number | null;
  readonly installments: { readonly count: number; readonly billed: number } | null;
  readonly points: PointsSummary;
}

export interface PointsSummary {
  readonly earned: number;
  readonly clawedBack: number;
  readonly net: number;
  /** Of the net points, those still waiting for their business day. */
  readonly pending: number;
  /** Of the net points, those released (or taken back from available). */
  readonly available: number;
}

interface EventFacts {
  readonly type: NetworkEventType;
  readonly event: ParsedEvent;
}

interface PostingFacts {
  readonly leg: PostingLeg;
  readonly amount: number;
}

function sum(events: readonly EventFacts[], type: NetworkEventType): number {
  return events.filter((e) => e.type === type).reduce((total, e) => total + e.event.amount, 0);
}

function statusOf(
  events: readonly EventFacts[],
  amounts: { authorized: number; settled: number; refunded: number; chargedBack: number },
): TransactionStatus {
  const has = (type: NetworkEventType) => events.some((e) => e.type === type);
  if (has('settlement')) {
    if (amounts.chargedBack > 0) return 'charged_back';
    if (amounts.refunded >= amounts.settled && amounts.refunded > 0) return 'refunded';
    return amounts.refunded > 0 ? 'partially_refunded' : 'settled';
  }
  if (has('authorization_expiry')) return 'expired';
  if (has('authorization_reversal') && amounts.authorized <= 0) return 'reversed';
  return 'authorized';
}

/** Points of a transaction from its postings, seen from the card. */
export function pointsOf(postings: readonly PostingFacts[]): PointsSummary {
  let earned = 0;
  let clawedBack = 0;
  let pending = 0;
  for (const p of postings) {
    const amount = Number(p.amount);
    if (p.leg === 'earn') {
      earned += amount;
      pending += amount;
    } else if (p.leg.startsWith('clawback')) {
      clawedBack += amount;
      if (p.leg === 'clawback_pending') pending -= amount;
    } else if (p.leg === 'release') {
      pending -= amount;
    }
  }
  const net = earned - clawedBack;
  return { earned, clawedBack, net, pending, available: net - pending };
}

/**
 * A purchase's state, derived from its events every time (never stored): the same events give
 * the same summary in whatever order they came. The hold is the authorization plus increments
 * minus reversals; an expiry ends it.
 */
export function summarize(
  events: readonly EventFacts[],
  postings: readonly PostingFacts[],
): TransactionSummary {
  const settlements = events.filter((e) => e.type === 'settlement');
  const expired = events.some((e) => e.type === 'authorization_expiry');
  const held =
    sum(events, 'authorization') +
    sum(events, 'incremental_authorization') -
    sum(events, 'authorization_reversal');
  const amounts = {
    authorized: expired ? 0 : Math.max(0, held),
    settled: sum(events, 'settlement'),
    refunded: sum(events, 'refund'),
    chargedBack: sum(events, 'chargeback'),
  };
  const first = settlements[0] ?? events.find((e) => e.type === 'authorization') ?? events[0];
  const installments = settlements.find((e) => e.event.installments)?.event.installments;
  const settledTimes = settlements.map((e) => e.event.settledAt ?? 0);
  return {
    status: statusOf(events, amounts),
    merchant: events.find((e) => e.event.merchant)?.event.merchant ?? null,
    currency: first?.event.currency ?? 'TWD',
    authorizedAmount: amounts.authorized,
    settledAmount: amounts.settled,
    refundedAmount: amounts.refunded,
    chargedBackAmount: amounts.chargedBack,
    billedAmountTwd: settlements.reduce((total, e) => total + (e.event.billedAmountTwd ?? 0), 0),
    transactionAt: Math.min(...events.map((e) => e.event.transactionAt)),
    settledAt: settledTimes.length > 0 ? Math.min(...settledTimes) : null,
    installments: installments ? { count: installments.count, billed: settlements.length } : null,
    points: pointsOf(postings),
  };
}
