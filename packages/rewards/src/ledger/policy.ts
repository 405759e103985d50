import type { ProgramSettings } from '../program/types.ts';

/**
 * Ledger settings a program may carry beside its `ProgramSettings`. Read through this type so
 * that the program's own type can adopt the field without the ledger changing.
 */
export interface LedgerSettings {
  /**
   * Whether a clawback may take a card's available balance below zero. Off by default: the
   * shortfall is recorded as points the card owes instead (see `splitClawback`).
   */
  readonly allowNegativeAvailable?: boolean;
}

export function allowsNegativeAvailable(settings: ProgramSettings & LedgerSettings): boolean {
  return settings.allowNegativeAvailable === true;
}
