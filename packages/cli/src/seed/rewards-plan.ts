import {
  addDays,
  type CardLevel,
  type NetworkEvent,
  TAIPEI_OFFSET_MS,
  taipeiDate,
  taipeiInstant,
} from '@plaza/rewards';
import { Rng } from './random.ts';
import { type CastMember, REWARDS_CAST, type StatusChange, type Weighted } from './rewards-cast.ts';
import { DEMO_EXPONENT, DEMO_MERCHANTS, DEMO_TWD_RATE, type DemoMerchant } from './rewards-merchants.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS } from './timing.ts';

/**
 * The Rewards demo as a plan, computed from "now" alone so every first start gives the same
 * story: which demo accounts hold cards, the plans they picked and switched over the last
 * months, and two months of card network events (authorizations, settlements, installment
 * billings, refunds) in the order the network would send them.
 */
export interface DemoCard {
  readonly key: string;
  readonly holder: string;
  readonly level: CardLevel;
  readonly birthMonth: number | null;
  readonly last4: string;
  /** The primary card's key, for a supplementary card (附卡). */
  readonly primary?: string;
  readonly issuedAt: number;
}

export type DemoStep =
  | { readonly kind: 'issue'; readonly at: number; readonly card: DemoCard }
  | { readonly kind: 'switch'; readonly at: number; readonly card: string; readonly planId: string }
  /** The bank's decisions, counting from the 1st of the next month: a new level, an eligibility flag. */
  | { readonly kind: 'status'; readonly at: number; readonly card: string; readonly change: StatusChange }
  /** Events that arrive together; `cardKey` stands for the card until its token is known. */
  | { readonly kind: 'events'; readonly at: number; readonly events: readonly DemoEvent[] };

export type { StatusChange } from './rewards-cast.ts';

export interface DemoEvent {
  readonly cardKey: string;
  readonly event: Omit<NetworkEvent, 'cardId'>;
}

export interface RewardsDemoPlan {
  readonly cards: readonly DemoCard[];
  readonly steps: readonly DemoStep[];
}

/** How far back the events go, and the newest an event may be (so seeding never reaches "now"). */
const HISTORY_DAYS = 60;
const NEWEST_GAP_MS = 30 * MINUTE_MS;

interface Spender extends CastMember {
  readonly card: DemoCard;
}

/** The cast with their cards dated from "today". */
function spenders(today: string): Spender[] {
  return REWARDS_CAST.map((member) => ({
    ...member,
    card: {
      key: member.key,
      holder: member.holder,
      level: member.level,
      birthMonth: null,
      last4: member.last4,
      issuedAt: taipeiInstant(addDays(today, -member.issuedDaysAgo), '10:00'),
      ...(member.primary ? { primary: member.primary } : {}),
    },
  }));
}

function pickWeighted(rng: Rng, items: Weighted): DemoMerchant {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = rng.next() * total;
  for (const [merchant, weight] of items) {
    roll -= weight;
    if (roll < 0) return merchant;
  }
  return items[items.length - 1]![0];
}

/** Knuth's method: fine for the small means here. */
function poisson(rng: Rng, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k += 1;
  return k;
}

/** An amount in minor units around the merchant's typical ticket; TWD in whole dollars. */
function amountAt(rng: Rng, merchant: DemoMerchant): number {
  const normal = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const major = Math.max(1, merchant.typical * Math.exp(0.45 * normal));
  if (merchant.currency === 'TWD') return Math.round(major) * 100;
  return Math.round(major * 10 ** DEMO_EXPONENT[merchant.currency]!);
}

function billedTwd(merchant: DemoMerchant, amount: number): number {
  return Math.round(
    (amount / 10 ** DEMO_EXPONENT[merchant.currency]!) * DEMO_TWD_RATE[merchant.currency]! * 100,
  );
}

/** RFC 3339 with the Taipei offset, as a Taiwanese network writes it. */
export function rfc3339(ms: number): string {
  return `${new Date(ms + TAIPEI_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

const merchantOf = (m: DemoMerchant) => ({
  id: m.id,
  name: m.name,
  mcc: m.mcc,
  country: m.country,
  presence: m.presence,
});

interface Purchase {
  readonly id: string;
  readonly cardKey: string;
  readonly merchant: DemoMerchant;
  readonly amount: number;
  readonly at: number;
  readonly settledAt: number;
}

interface Arrival {
  readonly at: number;
  readonly item: DemoEvent;
}

class EventPlanner {
  readonly arrivals: Arrival[] = [];
  readonly purchases: Purchase[] = [];
  private seq = 0;

  constructor(
    private readonly rng: Rng,
    private readonly latest: number,
  ) {}

  private nextId(prefix: string): string {
    this.seq += 1;
    return `demo-${prefix}-${String(this.seq).padStart(5, '0')}`;
  }

  private arrive(at: number, cardKey: string, event: Omit<NetworkEvent, 'cardId'>): void {
    if (at <= this.latest) this.arrivals.push({ at, item: { cardKey, event } });
  }

  /** A purchase: an authorization when it happens (card present, mostly), the settlement 1–2 days later. */
  purchase(cardKey: string, merchant: DemoMerchant, date: string): void {
    const { rng } = this;
    const [from, to] = merchant.hours;
    const at = taipeiInstant(date, `${rng.int(from, Math.max(from, to - 1)) % 24}:${rng.int(0, 59)}`);
    if (at > this.latest) return;
    const amount = amountAt(rng, merchant);
    const settledAt = taipeiInstant(addDays(date, rng.int(1, 2)), `0${rng.int(2, 5)}:${rng.int(10, 59)}`);
    const authorized = merchant.presence === 'in_person' && rng.chance(0.6);
    const authId = authorized ? this.nextId('auth') : undefined;
    const base = {
      amount,
      currency: merchant.currency,
      merchant: merchantOf(merchant),
      transactionAt: rfc3339(at),
    };
    if (authId) this.arrive(at + MINUTE_MS, cardKey, { id: authId, type: 'authorization', ...base });
    const id = this.nextId('stl');
    this.arrive(settledAt, cardKey, {
      id,
      type: 'settlement',
      ...base,
      billedAmountTwd: billedTwd(merchant, amount),
      settledAt: rfc3339(settledAt),
      ...(authId ? { originalEventId: authId } : {}),
    });
    if (settledAt <= this.latest) this.purchases.push({ id, cardKey, merchant, amount, at, settledAt });
  }

  /** A purchase paid in `count` monthly installments; each billing is its own settlement (§1.5). */
  installments(cardKey: string, merchant: DemoMerchant, date: string, totalTwd: number, count: number): void {
    const at = taipeiInstant(date, '15:30');
    const amount = totalTwd * 100;
    const share = Math.floor(amount / count / 100) * 100;
    for (let index = 1; index <= count; index += 1) {
      const settledAt = taipeiInstant(addDays(date, 2 + (index - 1) * 30), '03:40');
      const billed = index === 1 ? amount - share * (count - 1) : share;
      this.arrive(settledAt, cardKey, {
        id: this.nextId('inst'),
        type: 'settlement',
        amount,
        currency: 'TWD',
        billedAmountTwd: billed,
        merchant: merchantOf(merchant),
        transactionAt: rfc3339(at),
        settledAt: rfc3339(settledAt),
        installments: { count, index },
      });
    }
  }

  /** Refunds of some earlier purchases: whole, or an item of the basket. */
  refunds(count: number): void {
    const returnable = this.purchases.filter((p) => p.merchant.currency === 'TWD' && p.amount >= 50_000);
    for (const original of this.rng.sample(returnable, count)) {
      const settledAt = original.settledAt + this.rng.int(3, 9) * DAY_MS;
      const amount = this.rng.chance(0.5) ? original.amount : Math.round((original.amount * 0.4) / 100) * 100;
      this.arrive(settledAt, original.cardKey, {
        id: this.nextId('rfd'),
        type: 'refund',
        amount,
        currency: 'TWD',
        billedAmountTwd: amount,
        merchant: merchantOf(original.merchant),
        transactionAt: rfc3339(settledAt - 20 * HOUR_MS),
        settledAt: rfc3339(settledAt),
        originalEventId: original.id,
      });
    }
  }
}

function planSpending(planner: EventPlanner, rng: Rng, today: string, spender: Spender): void {
  for (let daysAgo = HISTORY_DAYS; daysAgo >= 0; daysAgo -= 1) {
    const date = addDays(today, -daysAgo);
    const trip = spender.trip && daysAgo <= spender.trip.fromDaysAgo && daysAgo >= spender.trip.toDaysAgo;
    const places = trip ? spender.trip!.places : spender.usual;
    const count = poisson(rng, trip ? spender.perDay * 2.5 : spender.perDay);
    for (let i = 0; i < count; i += 1) planner.purchase(spender.card.key, pickWeighted(rng, places), date);
  }
}

/** Groups arrivals into the batches the network would send, split at every other step. */
function eventSteps(arrivals: Arrival[], boundaries: readonly number[]): DemoStep[] {
  const sorted = [...arrivals].sort((a, b) => a.at - b.at || a.item.event.id.localeCompare(b.item.event.id));
  const steps: DemoStep[] = [];
  let batch: Arrival[] = [];
  const flush = () => {
    if (batch.length > 0)
      steps.push({ kind: 'events', at: batch[batch.length - 1]!.at, events: batch.map((a) => a.item) });
    batch = [];
  };
  for (const arrival of sorted) {
    const first = batch[0];
    const crosses = first && boundaries.some((b) => first.at < b && b <= arrival.at);
    if (first && (crosses || taipeiDate(first.at) !== taipeiDate(arrival.at))) flush();
    batch.push(arrival);
  }
  flush();
  return steps;
}

export function buildRewardsDemoPlan(nowMs: number): RewardsDemoPlan {
  const rng = new Rng('plaza-rewards-demo');
  const today = taipeiDate(nowMs);
  const people = spenders(today);
  const planner = new EventPlanner(rng, nowMs - NEWEST_GAP_MS);
  for (const spender of people) planSpending(planner, rng, today, spender);
  planner.installments('ade', DEMO_MERCHANTS.mitsukoshi, addDays(today, -50), 6000, 3);
  planner.installments('tiny', DEMO_MERCHANTS.ikea, addDays(today, -58), 18000, 6);
  planner.refunds(7);
  const other: DemoStep[] = [];
  for (const { card, plans, status } of people) {
    other.push({ kind: 'issue', at: card.issuedAt, card });
    for (const [daysAgo, change] of status ?? [])
      other.push({
        kind: 'status',
        at: taipeiInstant(addDays(today, -daysAgo), '11:00'),
        card: card.key,
        change,
      });
    for (const [daysAgo, planId] of plans) {
      const at = Math.max(card.issuedAt + MINUTE_MS, taipeiInstant(addDays(today, -daysAgo), '09:30'));
      other.push({ kind: 'switch', at, card: card.key, planId });
    }
  }
  const steps = [
    ...other,
    ...eventSteps(
      planner.arrivals,
      other.map((s) => s.at),
    ),
  ];
  return { cards: people.map((p) => p.card), steps: steps.sort((a, b) => a.at - b.at) };
}
