import { PlazaError } from '@plaza/kernel';
import { taipeiDate, taipeiStartOfDay } from '../calendar/taipei-date.ts';
import type { EventOutcome } from '../contracts.ts';
import { clawbackLines } from '../earning/refund.ts';
import type { ClawbackLine } from '../earning/types.ts';
import { type Batch, type FreshEvent, type KnownEvent, knownFrom, type SettlementState } from './batch.ts';
import { effectiveAt } from './event.ts';
import { applied, problem, rejected } from './outcomes.ts';
import type { EventProblem } from './validate.ts';

/**
 * A refund or chargeback. It names the settlement it returns (an installment's return names that
 * installment's settlement). Before that settlement is known it is held, and applied when the
 * settlement arrives; it is refused when it names something that is not a settlement.
 */
export function applyReturn(batch: Batch, fresh: FreshEvent): EventOutcome {
  const originalId = fresh.event.originalEventId!;
  const original = batch.known.get(originalId);
  if (original && original.type !== 'settlement') {
    return rejected(
      fresh.event.id,
      problem(
        'original_event_type',
        `Event ${originalId} is a ${original.type}, not a settlement.`,
        '/originalEventId',
      ),
    );
  }
  const known = knownFrom(fresh, batch.recordedAt);
  const settlement = original && batch.settlements.get(original.id);
  if (!settlement) {
    known.status = 'held';
    batch.accept(known);
    batch.hold(known, originalId);
    return { eventId: known.id, status: 'held' };
  }
  const fault = clawBack(batch, known, settlement);
  if (fault) return rejected(known.id, fault);
  batch.accept(known);
  return applied(known.id, known.transactionId!, known.points!);
}

/** A held return whose settlement just arrived: applied, or refused now (and stays refused). */
export function applyHeldReturn(batch: Batch, known: KnownEvent): void {
  const settlement = batch.settlements.get(known.event.originalEventId!)!;
  const fault = clawBack(batch, known, settlement);
  if (fault) {
    known.status = 'rejected';
    known.error = fault;
  }
  batch.heldChanged(known);
}

function checkReturn(known: KnownEvent, settlement: SettlementState): EventProblem | null {
  const original = settlement.known.event;
  if (known.cardId !== settlement.ref.cardId)
    return problem('card_mismatch', `Event ${original.id} belongs to another card.`, '/cardId');
  if (known.event.currency !== original.currency)
    return problem(
      'currency_mismatch',
      `A return is in its settlement's currency, ${original.currency}.`,
      '/currency',
    );
  return null;
}

function linesFor(known: KnownEvent, settlement: SettlementState): ClawbackLine[] | EventProblem {
  const original = settlement.known.event;
  try {
    return clawbackLines(settlement.known.lines ?? [], {
      currency: original.currency,
      originalAmountMinor: original.amount,
      refundMinor: known.event.amount,
      refundedBeforeMinor: settlement.refundedMinor,
    });
  } catch (error) {
    if (!(error instanceof PlazaError)) throw error;
    return problem(error.code, error.message, '/amount');
  }
}

/**
 * Claws back the return's share, line by line. If the return is dated on or after the day the
 * settlement's points became available and they were not released yet, they are released
 * first, so the clawback takes from available as it would have on that date: the postings then
 * follow the events' own dates, not when Plaza happened to run the release step.
 */
function clawBack(batch: Batch, known: KnownEvent, settlement: SettlementState): EventProblem | null {
  const fault = checkReturn(known, settlement);
  if (fault) return fault;
  const lines = linesFor(known, settlement);
  if (!Array.isArray(lines)) return lines;
  const { ledger } = batch;
  const at = effectiveAt(known.event);
  if (!ledger.isReleased(settlement.ref.settlementId) && taipeiDate(at) >= settlement.availableOn) {
    ledger.release(settlement.ref, taipeiStartOfDay(settlement.availableOn));
  }
  lines.forEach((line, i) => {
    ledger.clawback(settlement.ref, known.id, i + 1, -line.points, at);
  });
  settlement.refundedMinor += known.event.amount;
  known.status = 'applied';
  known.transactionId = settlement.ref.transactionId;
  known.lines = lines;
  known.points = lines.reduce((sum, line) => sum + line.points, 0);
  batch.recordCapUse(known);
  return null;
}
