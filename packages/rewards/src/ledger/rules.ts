/**
 * The ledger's rules for moving points, as pure functions: which buckets a clawback takes from
 * and what a release repays. The ingestor and the release step both call these, so a refund
 * applied during an import and one applied later behave the same.
 */

export interface ClawbackSplit {
  readonly fromPending: number;
  readonly fromAvailable: number;
  /** What available could not cover: the card owes it, repaid from its next released points. */
  readonly fromReceivable: number;
}

/**
 * Takes `points` back from a card: first from the settlement's points still pending, then from
 * available. Available never goes below zero unless the program allows it: the shortfall becomes
 * a receivable (the card owes points) instead of a negative balance, because points already
 * spent cannot be un-spent and a negative "available" would block or confuse the holder.
 * @example splitClawback(30, { pendingOfSettlement: 10, available: 5, allowNegativeAvailable: false }) → 10 / 5 / 15
 */
export function splitClawback(
  points: number,
  state: { pendingOfSettlement: number; available: number; allowNegativeAvailable: boolean },
): ClawbackSplit {
  const fromPending = Math.min(points, Math.max(0, state.pendingOfSettlement));
  const rest = points - fromPending;
  if (state.allowNegativeAvailable) return { fromPending, fromAvailable: rest, fromReceivable: 0 };
  const fromAvailable = Math.min(rest, Math.max(0, state.available));
  return { fromPending, fromAvailable, fromReceivable: rest - fromAvailable };
}

/**
 * A settlement's release: everything still pending moves to available, and as much of it as the
 * card owes goes on to repay the receivable.
 * @example releaseOf(90, 20) → { release: 90, repay: 20 }
 */
export function releaseOf(pendingOfSettlement: number, owed: number): { release: number; repay: number } {
  const release = Math.max(0, pendingOfSettlement);
  return { release, repay: Math.min(release, Math.max(0, owed)) };
}
