import { once } from 'node:events';
import fs from 'node:fs';
import { TAIPEI_OFFSET_MS, taipeiStartOfDay } from '../../packages/rewards/src/calendar/taipei-date.ts';
import { COLUMNS } from '../../packages/rewards/src/import/columns.ts';
import { createRandom, type Random } from '../community/random.ts';
import { EXPONENT, MERCHANTS, type Merchant, TWD_RATE } from './merchants.ts';

/**
 * Synthetic settlement files in the import format (docs/rewards-file-format.md), the same
 * bytes for the same spec: settlements spread over a window in clearing order, purchases
 * 8–72 h before their clearing, a realistic merchant mix (plan channels by merchant and by
 * MCC, everyday merchants on no plan, overseas in foreign currencies and in TWD), installment
 * billings, partial and full refunds of earlier settlements, and a few refunds that arrive
 * before their settlement (the ingestor holds them).
 */
export interface EventFileSpec {
  readonly events: number;
  readonly cards: number;
  readonly seed: number;
  /** First Taipei date of clearing; clearing times spread evenly over `days`. */
  readonly from: string;
  readonly days: number;
  /** How the file names card `index` (a token, as the network does, or a Plaza card id). */
  readonly cardRef: (index: number) => string;
}

export interface EventFileStats {
  events: number;
  settlements: number;
  refunds: number;
  refundsBeforeSettlement: number;
  foreign: number;
  installments: number;
  bytes: number;
}

const HOUR_MS = 3_600_000;
const REFUND_SHARE = 0.025;
const EARLY_REFUND_SHARE = 0.001;
const INSTALLMENT_SHARE = 0.06;
const RECENT = 4_096;

interface Settled {
  id: string;
  card: number;
  merchant: Merchant;
  amount: number;
  billed: number;
  settledAt: number;
  /** Refunded so far: refunds never add up to more than the settlement. */
  refunded: number;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 3339 in Taipei time, as a Taiwanese clearing file writes it. */
export function taipeiRfc3339(ms: number): string {
  return `${new Date(ms + TAIPEI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

class MerchantPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  constructor(private readonly merchants: readonly Merchant[]) {
    let sum = 0;
    for (const m of merchants) {
      sum += m.weight;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }
  pick(random: Random): Merchant {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return this.merchants[lo]!;
  }
}

/** One row in COLUMNS order. */
function row(values: Partial<Record<(typeof COLUMNS)[number], string | number>>): string {
  return `${COLUMNS.map((c) => cell(values[c])).join(',')}\n`;
}

class Generator {
  readonly stats: EventFileStats = {
    events: 0,
    settlements: 0,
    refunds: 0,
    refundsBeforeSettlement: 0,
    foreign: 0,
    installments: 0,
    bytes: 0,
  };
  private readonly random: Random;
  private readonly merchants = new MerchantPicker(MERCHANTS);
  private readonly recent: Settled[] = [];
  /** Settlements held back a few lines so their refund comes first. */
  private readonly deferred: { due: number; line: string }[] = [];
  private readonly startMs: number;
  private readonly spanMs: number;

  constructor(private readonly spec: EventFileSpec) {
    this.random = createRandom(spec.seed);
    this.startMs = taipeiStartOfDay(spec.from);
    this.spanMs = spec.days * 24 * HOUR_MS;
  }

  /** The lines for event number `n` (usually one; a deferred settlement may join it). */
  next(n: number): string {
    const settledAt =
      this.startMs + Math.floor((n / this.spec.events) * this.spanMs) + this.random.int(60_000);
    let out = '';
    const due = this.deferred.findIndex((d) => d.due <= n);
    if (due !== -1) {
      out += this.deferred[due]!.line;
      this.deferred.splice(due, 1);
      this.stats.settlements += 1;
    } else if (this.recent.length > 100 && this.random.chance(REFUND_SHARE)) {
      const original = this.recent[this.random.int(this.recent.length)]!;
      out +=
        original.refunded < original.amount
          ? this.refund(original, settledAt)
          : this.settlement(n, settledAt);
    } else {
      out += this.settlement(n, settledAt);
    }
    this.stats.events += 1;
    return out;
  }

  /** Whatever is still deferred when the file's count is reached. */
  flush(): string {
    const rest = this.deferred.map((d) => d.line).join('');
    this.stats.settlements += this.deferred.length;
    this.stats.events += this.deferred.length;
    this.deferred.length = 0;
    return rest;
  }

  private settlement(n: number, settledAt: number): string {
    const { random } = this;
    const merchant = this.merchants.pick(random);
    const card = Math.min(this.spec.cards - 1, Math.floor(this.spec.cards * random.next() ** 1.6));
    const exponent = EXPONENT[merchant.currency]!;
    const major = Math.max(1, merchant.typical * Math.exp(0.7 * normal(random)));
    // Taiwanese merchants charge whole dollars; other currencies keep their minor units.
    const wholeUnits = merchant.currency === 'TWD' ? 100 : 1;
    const amount = Math.max(1, Math.round((major * 10 ** exponent) / wholeUnits)) * wholeUnits;
    const billedTotal = Math.round((amount / 10 ** exponent) * TWD_RATE[merchant.currency]! * 100);
    const installment =
      merchant.country === 'TW' && merchant.typical >= 1000 && random.chance(INSTALLMENT_SHARE)
        ? { count: random.pick([3, 6, 12]), index: 0 }
        : undefined;
    if (installment) installment.index = random.between(1, installment.count);
    const share = installment ? Math.floor(billedTotal / installment.count) : billedTotal;
    const billed = installment?.index === 1 ? billedTotal - share * (installment.count - 1) : share;
    const monthsBack = installment ? (installment.index - 1) * 30 * 24 * HOUR_MS : 0;
    const transactionAt = settledAt - monthsBack - random.between(8, 72) * HOUR_MS;
    const id = `stl-${this.spec.seed}-${String(n).padStart(8, '0')}`;
    const line = row({
      id,
      type: 'settlement',
      card: this.spec.cardRef(card),
      amount,
      currency: merchant.currency,
      billed_amount_twd: billed,
      merchant_id: merchant.id,
      merchant_name: merchant.name,
      merchant_mcc: merchant.mcc,
      merchant_country: merchant.country,
      presence: merchant.presence,
      transaction_at: taipeiRfc3339(transactionAt),
      settled_at: taipeiRfc3339(settledAt),
      installment_count: installment?.count,
      installment_index: installment?.index,
    });
    if (merchant.currency !== 'TWD' || merchant.country !== 'TW') this.stats.foreign += 1;
    if (installment) this.stats.installments += 1;
    const settled = { id, card, merchant, amount, billed, settledAt, refunded: 0 };
    if (!installment) this.remember(settled);
    if (!installment && random.chance(EARLY_REFUND_SHARE)) {
      // The network sent the refund first: the settlement follows 1–20 lines later.
      this.deferred.push({ due: n + random.between(1, 20), line });
      this.stats.refundsBeforeSettlement += 1;
      return this.refund(settled, settledAt + 2 * 24 * HOUR_MS);
    }
    this.stats.settlements += 1;
    return line;
  }

  private refund(original: Settled, settledAt: number): string {
    const { random } = this;
    // 40% full refunds, the rest partial (a returned item of a basket).
    const left = original.amount - original.refunded;
    const share = random.chance(0.4) ? 1 : random.between(10, 90) / 100;
    const amount = Math.min(left, Math.max(1, Math.round(left * share)));
    original.refunded += amount;
    const billed = Math.round((original.billed * amount) / original.amount);
    this.stats.refunds += 1;
    return row({
      id: `rfd-${this.spec.seed}-${String(this.stats.refunds).padStart(8, '0')}`,
      type: 'refund',
      card: this.spec.cardRef(original.card),
      amount,
      currency: original.merchant.currency,
      billed_amount_twd: billed,
      merchant_id: original.merchant.id,
      merchant_name: original.merchant.name,
      merchant_mcc: original.merchant.mcc,
      merchant_country: original.merchant.country,
      presence: original.merchant.presence,
      transaction_at: taipeiRfc3339(
        Math.max(original.settledAt, settledAt - random.between(4, 48) * HOUR_MS),
      ),
      settled_at: taipeiRfc3339(Math.max(original.settledAt + HOUR_MS, settledAt)),
      original_event_id: original.id,
    });
  }

  private remember(settled: Settled): void {
    if (this.recent.length < RECENT) this.recent.push(settled);
    else this.recent[this.random.int(RECENT)] = settled;
  }
}

/** Writes the file with the stream's backpressure respected; a 1M-event file never sits in memory. */
export async function writeSettlementFile(file: string, spec: EventFileSpec): Promise<EventFileStats> {
  const generator = new Generator(spec);
  const out = fs.createWriteStream(file);
  const closed = once(out, 'close');
  let chunk = row(Object.fromEntries(COLUMNS.map((c) => [c, c])));
  let bytes = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  // Refunds and deferred settlements add events beyond n, so count the file's events, not n.
  for (let n = 0; generator.stats.events < spec.events; n += 1) {
    chunk += generator.next(n);
    if (chunk.length > 256 * 1024) {
      await write(chunk);
      chunk = '';
    }
  }
  chunk += generator.flush();
  await write(chunk);
  out.end();
  await closed;
  return { ...generator.stats, bytes };
}
