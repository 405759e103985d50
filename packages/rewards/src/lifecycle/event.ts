import { hash } from 'node:crypto';
import type { NetworkEventType } from '../contracts.ts';
import { derivedId } from '../ledger/derived-id.ts';

/** A network event after validation: times in epoch ms, absent optionals as null, presence defaulted. */
export interface ParsedEvent {
  readonly id: string;
  readonly type: NetworkEventType;
  /** The card as the network named it (a Plaza card id or the card's token). */
  readonly cardRef: string;
  readonly amount: number;
  readonly currency: string;
  readonly billedAmountTwd: number | null;
  readonly merchant: ParsedMerchant | null;
  readonly transactionAt: number;
  readonly settledAt: number | null;
  readonly installments: { readonly count: number; readonly index: number } | null;
  readonly originalEventId: string | null;
}

export interface ParsedMerchant {
  readonly id: string;
  readonly name: string;
  readonly mcc: string;
  readonly country: string;
  readonly presence: 'in_person' | 'online';
}

export const AUTHORIZATION_FAMILY: readonly NetworkEventType[] = [
  'authorization',
  'incremental_authorization',
  'authorization_reversal',
  'authorization_expiry',
];
export const RETURNS: readonly NetworkEventType[] = ['refund', 'chargeback'];

/**
 * The event as stored: one key order, times as numbers. Two posts of the same event compare
 * equal here even when they wrote the same instant in different offsets.
 */
export function canonicalJson(event: ParsedEvent): string {
  const m = event.merchant;
  return JSON.stringify({
    id: event.id,
    type: event.type,
    cardRef: event.cardRef,
    amount: event.amount,
    currency: event.currency,
    billedAmountTwd: event.billedAmountTwd,
    merchant: m && { id: m.id, name: m.name, mcc: m.mcc, country: m.country, presence: m.presence },
    transactionAt: event.transactionAt,
    settledAt: event.settledAt,
    installments: event.installments && { count: event.installments.count, index: event.installments.index },
    originalEventId: event.originalEventId,
  });
}

export function fingerprintOf(canonical: string): string {
  return hash('sha256', canonical, 'base64url');
}

export function parseStored(payload: string): ParsedEvent {
  return JSON.parse(payload) as ParsedEvent;
}

/**
 * The Plaza transaction (purchase) of an authorization-family event or a settlement: derived
 * from the authorization it follows, or from the event itself when it follows none, so every
 * event of one purchase names the same transaction whatever order they arrive in. Refunds and
 * chargebacks take their settlement's transaction instead.
 */
export function purchaseTransactionId(event: ParsedEvent): string {
  return derivedId('transaction', purchaseRootId(event));
}

/** The network id the purchase is named after: its authorization's, or the event's own. */
export function purchaseRootId(event: ParsedEvent): string {
  return event.type === 'authorization' ? event.id : (event.originalEventId ?? event.id);
}

/** The instant a return takes effect: when the network cleared it, else when it was made. */
export function effectiveAt(event: ParsedEvent): number {
  return event.settledAt ?? event.transactionAt;
}
