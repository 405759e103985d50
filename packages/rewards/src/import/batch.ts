import type { EventIngestor, EventOutcome, EventStatus, NetworkEvent, PreparedEvents } from '../contracts.ts';
import type { ReportEntry, ReportWriter } from './report.ts';
import { NO_COUNTS } from './store.ts';

/** Counts over the whole file, kept with the checkpoint so a resumed run reports the total. */
export interface ImportCounts {
  /** Lines read after the header, blank ones included. */
  lines: number;
  /** Lines that were events and went to the ingestor. */
  events: number;
  applied: number;
  duplicate: number;
  held: number;
  rejected: number;
  /** Lines that were not events (bad CSV, bad values): in the report, never sent. */
  invalid: number;
}

export const zeroCounts = (): ImportCounts => ({ lines: 0, ...NO_COUNTS });

// The ingestor names fields as the API does (`/merchant/mcc`); the report speaks of columns.
const COLUMN_OF_FIELD: Readonly<Record<string, string>> = {
  id: 'id',
  type: 'type',
  cardId: 'card',
  amount: 'amount',
  currency: 'currency',
  billedAmountTwd: 'billed_amount_twd',
  merchant: 'merchant_id',
  'merchant.id': 'merchant_id',
  'merchant.name': 'merchant_name',
  'merchant.mcc': 'merchant_mcc',
  'merchant.country': 'merchant_country',
  'merchant.presence': 'presence',
  transactionAt: 'transaction_at',
  settledAt: 'settled_at',
  installments: 'installment_count',
  'installments.count': 'installment_count',
  'installments.index': 'installment_index',
  originalEventId: 'original_event_id',
};

export function columnOfField(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const key = field.replace(/^\//, '').replaceAll('/', '.');
  return COLUMN_OF_FIELD[key] ?? field;
}

/**
 * The lines between two checkpoints: their events, in file order, and the report entries of
 * the lines that were not events. Committed as one `ingest` call.
 */
export class Batch {
  readonly events: NetworkEvent[] = [];
  private readonly eventLines: number[] = [];
  private readonly problems: ReportEntry[] = [];
  lines = 0;

  add(event: NetworkEvent, line: number): void {
    this.events.push(event);
    this.eventLines.push(line);
    this.lines += 1;
  }

  addProblem(entry: ReportEntry): void {
    this.problems.push(entry);
    this.lines += 1;
  }

  addBlank(): void {
    this.lines += 1;
  }

  /** Checks the events and reads their cards: what can run while the batch before applies. */
  prepare(ingestor: EventIngestor): Promise<PreparedEvents | null> {
    return this.events.length > 0 ? ingestor.prepare(this.events) : Promise.resolve(null);
  }

  /** Applies the prepared events, adds every problem and rejection to the report in line order, counts. */
  async commit(
    prepared: PreparedEvents | null,
    ingestor: EventIngestor,
    report: ReportWriter,
    counts: ImportCounts,
  ): Promise<void> {
    const outcomes = prepared ? await ingestor.apply(prepared) : [];
    if (outcomes.length !== this.events.length)
      throw new Error(`The ingestor answered ${outcomes.length} outcomes for ${this.events.length} events.`);
    const entries = [...this.problems];
    for (const [index, outcome] of outcomes.entries()) {
      count(counts, outcome.status);
      if (outcome.status === 'rejected') entries.push(rejection(outcome, this.eventLines[index]!));
    }
    entries.sort((a, b) => a.line - b.line);
    for (const entry of entries) report.add(entry);
    counts.lines += this.lines;
    counts.events += this.events.length;
    counts.invalid += this.problems.length;
  }
}

function count(counts: ImportCounts, status: EventStatus): void {
  counts[status] += 1;
}

function rejection(outcome: EventOutcome, line: number): ReportEntry {
  return {
    line,
    eventId: outcome.eventId,
    code: outcome.error?.code ?? 'rejected',
    message: outcome.error?.message ?? 'The event was rejected.',
    field: columnOfField(outcome.error?.field),
  };
}
