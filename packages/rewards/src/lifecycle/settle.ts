import { PlazaError } from '@plaza/kernel';
import { cardStateOn, type EventOutcome } from '../contracts.ts';
import { computeEarning, type Earning } from '../earning/engine.ts';
import { resolvePlanVersion, selectionDate } from '../earning/selection.ts';
import type { EarningTransaction } from '../earning/types.ts';
import { type Batch, type FreshEvent, type KnownEvent, knownFrom } from './batch.ts';
import { type ParsedEvent, purchaseRootId, purchaseTransactionId } from './event.ts';
import { applied, problem, rejected } from './outcomes.ts';
import { applyHeldReturn } from './returns.ts';
import type { EventProblem } from './validate.ts';

/** The engine's view of a settlement event (validation guarantees the settlement fields). */
export function earningTransaction(event: ParsedEvent): EarningTransaction {
  const merchant = event.merchant!;
  return {
    id: event.id,
    amountMinor: event.amount,
    currency: event.currency,
    billedAmountTwdMinor: event.billedAmountTwd!,
    merchant: { ...merchant },
    transactionAt: event.transactionAt,
    settledAt: event.settledAt!,
    ...(event.installments ? { installments: event.installments } : {}),
  };
}

/**
 * An event that follows an authorization (an increment, a reversal, an expiry, a settlement)
 * must name one, on the same card, when the authorization is known. An unknown one is fine:
 * authorizations may come late or never (a forced capture has none).
 */
function checkFollowsAuthorization(batch: Batch, fresh: FreshEvent): EventProblem | null {
  const originalId = fresh.event.originalEventId;
  const original = originalId === null ? undefined : batch.known.get(originalId);
  if (!original) return null;
  if (original.type !== 'authorization')
    return problem(
      'original_event_type',
      `Event ${originalId} is a ${original.type}, not an authorization.`,
      '/originalEventId',
    );
  if (original.cardId !== fresh.profile.cardId)
    return problem('card_mismatch', `Event ${originalId} belongs to another card.`, '/cardId');
  return null;
}

function acceptPurchaseEvent(batch: Batch, fresh: FreshEvent): KnownEvent {
  const known = knownFrom(fresh, batch.recordedAt);
  known.transactionId = purchaseTransactionId(fresh.event);
  batch.accept(known);
  batch.touchTransaction(
    known.transactionId,
    known.cardId,
    purchaseRootId(fresh.event),
    fresh.event.transactionAt,
  );
  return known;
}

/** Authorizations and what follows them hold money, not points: recorded for the purchase's story. */
export function applyAuthorizationEvent(batch: Batch, fresh: FreshEvent): EventOutcome {
  const fault = checkFollowsAuthorization(batch, fresh);
  if (fault) return rejected(fresh.event.id, fault);
  const known = acceptPurchaseEvent(batch, fresh);
  known.points = 0;
  return applied(known.id, known.transactionId!, 0);
}

function earn(batch: Batch, fresh: FreshEvent): Earning {
  const { program } = batch;
  const tx = earningTransaction(fresh.event);
  const date = selectionDate(program.settings, tx);
  const capsUsed = batch.capUsage.get(fresh.profile.cardId) ?? {};
  return computeEarning({
    transaction: tx,
    planVersion: resolvePlanVersion(program, fresh.profile.selections, tx),
    card: cardStateOn(fresh.profile, date),
    capsUsed,
    settings: program.settings,
  });
}

/**
 * A settlement earns: the engine's lines are stored on the event, each line with points posts
 * bank → pending, and the settlement waits in the release queue for its business day. Returns
 * held for it are applied right after, in the order they arrived.
 */
export function applySettlement(batch: Batch, fresh: FreshEvent): EventOutcome {
  const fault = checkFollowsAuthorization(batch, fresh);
  if (fault) return rejected(fresh.event.id, fault);
  let earning: Earning;
  try {
    earning = earn(batch, fresh);
  } catch (error) {
    if (!(error instanceof PlazaError)) throw error;
    return rejected(fresh.event.id, problem(error.code, error.message, error.fields[0]?.field ?? '/'));
  }
  const known = acceptPurchaseEvent(batch, fresh);
  const lines = [...earning.lines];
  known.lines = lines;
  known.points = earning.totalPoints;
  const settledAt = fresh.event.settledAt!;
  const ref = { settlementId: known.id, cardId: known.cardId, transactionId: known.transactionId! };
  lines.forEach((line, i) => {
    batch.ledger.earn(ref, i + 1, line.points, settledAt);
  });
  batch.recordCapUse(known);
  const availableOn = batch.availableOn(settledAt);
  if (earning.totalPoints > 0) {
    batch.queue.set(known.id, { ...idsOf(ref), available_on: availableOn });
  }
  batch.settlements.set(known.id, { known, ref, availableOn, refundedMinor: 0 });
  for (const waiting of batch.held.get(known.id) ?? []) applyHeldReturn(batch, waiting);
  batch.held.delete(known.id);
  return applied(known.id, ref.transactionId, earning.totalPoints);
}

function idsOf(ref: { settlementId: string; cardId: string; transactionId: string }) {
  return { settlement_id: ref.settlementId, card_id: ref.cardId, transaction_id: ref.transactionId };
}
