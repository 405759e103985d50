import { createHash } from 'node:crypto';
import { hashToken } from '../../packages/kernel/src/auth/tokens.ts';
import { addDays, taipeiInstant } from '../../packages/rewards/src/calendar/taipei-date.ts';
import type { BulkTarget, Column } from '../community/bulk.ts';
import { createRandom } from '../community/random.ts';

/*
 * Cards for the benchmark, written straight into the tables (issuing 100,000 cards through
 * the admin API would measure the API, not settlement). Each step mirrors what the services
 * write: accounts as the kernel's createAccount, cards as CardsService.issue (token + last
 * four, never a number), selections as SelectionsService.switchPlan (one row per Taipei day).
 */

const text = (name: string): Column => ({ name, type: 'text' });
const int8 = (name: string): Column => ({ name, type: 'int8' });
const int4 = (name: string): Column => ({ name, type: 'int4' });

export const MAIN_PLANS = ['digital', 'dining', 'travel', 'everyday'] as const;
/** Every 20th card is a supplementary card (附卡) of the card before it. */
const SUPPLEMENTARY_EVERY = 20;

export interface Selection {
  readonly card: number;
  readonly plan: string;
  readonly date: string;
}

export interface CardSet {
  readonly count: number;
  /** Every plan selection of the primary cards, oldest first per card. */
  readonly history: readonly Selection[];
  /** The network token of card i, as the settlement file names it. */
  token(index: number): string;
  cardId(index: number): string;
  accountId(index: number): string;
  /** The bearer token of card i's holder (only its SHA-256 is stored). */
  session(index: number): string;
  isPrimary(index: number): boolean;
  /** The plan in force on the card's last selection. */
  currentPlan(index: number): string;
}

/** A UUID-shaped id that is the same in every run, so both databases hold the same rows. */
function benchId(kind: string, index: number): string {
  const hex = createHash('sha256').update(`${kind}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The plan history: a plan picked on `firstDate`, and 30% of cards switched once inside the window. */
function selections(count: number, seed: number, firstDate: string, windowDays: number): Selection[] {
  const random = createRandom(seed * 7919);
  const out: Selection[] = [];
  for (let card = 0; card < count; card += 1) {
    if (card % SUPPLEMENTARY_EVERY === SUPPLEMENTARY_EVERY - 1) continue;
    const first = random.pick(MAIN_PLANS);
    out.push({ card, plan: first, date: firstDate });
    if (random.chance(0.3)) {
      const others = MAIN_PLANS.filter((p) => p !== first);
      out.push({ card, plan: random.pick(others), date: addDays(firstDate, random.between(1, windowDays)) });
    }
  }
  return out;
}

export function cardSet(count: number, seed: number, firstDate: string, windowDays: number): CardSet {
  const history = selections(count, seed, firstDate, windowDays);
  const current = new Map<number, string>();
  for (const s of history) current.set(s.card, s.plan);
  const isPrimary = (i: number) => i % SUPPLEMENTARY_EVERY !== SUPPLEMENTARY_EVERY - 1;
  return {
    count,
    history,
    token: (i) => `tok_bench_${seed}_${String(i).padStart(7, '0')}`,
    cardId: (i) => benchId(`card:${seed}`, i),
    accountId: (i) => benchId(`account:${seed}`, i),
    session: (i) => `bench-session-${seed}-${i}`,
    isPrimary,
    currentPlan: (i) => current.get(isPrimary(i) ? i : i - 1) ?? 'digital',
  };
}

export interface LoadCardsOptions {
  readonly passwordHash: string;
  readonly nowMs: number;
  readonly sessionTtlMs: number;
  readonly seed: number;
  readonly firstDate: string;
  readonly windowDays: number;
}

/** Writes holders, their sessions, the cards and the plan history; answers rows written per table. */
export async function loadCards(
  target: BulkTarget,
  cards: CardSet,
  options: LoadCardsOptions,
): Promise<Record<string, number>> {
  const random = createRandom(options.seed * 104729);
  const issuedAt = taipeiInstant(addDays(options.firstDate, -30), '10:00');
  const accounts = target.sink('accounts', [
    text('id'),
    text('handle'),
    text('email'),
    text('password_hash'),
    text('role'),
    text('language'),
    int8('created_at'),
  ]);
  const sessions = target.sink('sessions', [
    text('id'),
    text('account_id'),
    text('token_hash'),
    int8('created_at'),
    int8('expires_at'),
  ]);
  for (let i = 0; i < cards.count; i += 1) {
    const handle = `card_${options.seed}_${i}`;
    const language = random.chance(0.8) ? 'zh-TW' : 'en';
    await accounts.push([
      cards.accountId(i),
      handle,
      `${handle}@bench.test`,
      options.passwordHash,
      'user',
      language,
      issuedAt,
    ]);
  }
  await accounts.end();
  for (let i = 0; i < cards.count; i += 1) {
    const expires = options.nowMs + options.sessionTtlMs;
    await sessions.push([
      benchId('session', i),
      cards.accountId(i),
      hashToken(cards.session(i)),
      options.nowMs,
      expires,
    ]);
  }
  await sessions.end();
  await loadCardRows(target, cards, issuedAt, random);
  const sink = target.sink('rewards_plan_selections', [
    text('card_id'),
    text('plan_id'),
    text('taipei_date'),
    int8('selected_at'),
  ]);
  for (const s of cards.history)
    await sink.push([cards.cardId(s.card), s.plan, s.date, taipeiInstant(s.date, '09:30')]);
  await sink.end();
  return {
    accounts: cards.count,
    sessions: cards.count,
    cards: cards.count,
    selections: cards.history.length,
  };
}

async function loadCardRows(
  target: BulkTarget,
  cards: CardSet,
  issuedAt: number,
  random: ReturnType<typeof createRandom>,
) {
  const sink = target.sink('rewards_cards', [
    text('id'),
    text('holder_account_id'),
    text('primary_card_id'),
    text('token'),
    text('last4'),
    int4('level'),
    int4('birth_month'),
    int8('created_at'),
  ]);
  for (let i = 0; i < cards.count; i += 1) {
    // Levels as the bank describes them: most on 1, paying through the app lifts to 2, few VIPs on 3.
    const roll = random.next();
    const level = roll < 0.6 ? 1 : roll < 0.95 ? 2 : 3;
    const primary = cards.isPrimary(i) ? null : cards.cardId(i - 1);
    const last4 = String(random.int(10_000)).padStart(4, '0');
    await sink.push([
      cards.cardId(i),
      cards.accountId(i),
      primary,
      cards.token(i),
      last4,
      level,
      random.between(1, 12),
      issuedAt,
    ]);
  }
  await sink.end();
}
