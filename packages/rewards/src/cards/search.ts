import { ValidationError } from '@plaza/kernel';
import { type CalendarDate, taipeiDate } from '../calendar/taipei-date.ts';
import type { ProgramSource } from '../contracts.ts';
import { decodeCursor, encodeCursor, type TimeCursor } from '../points/cursor.ts';
import { findPlan, planVersionOn } from '../program/lookup.ts';
import type { LocalizedText } from '../program/types.ts';
import type { HolderDirectory, HolderIdentity } from './holder-directory.ts';
import type { CardFilter, CardListRow, CardMatch, CardSearchStore, CardStatus } from './search-store.ts';

/** At most this many accounts a name may name; past it the console asks for more of the name. */
export const HOLDERS_PER_SEARCH_MAX = 200;

export interface CardSearchAsk extends CardFilter {
  /** Holder handle or name, last four digits, card id or network token; absent: every card. */
  readonly q?: string | undefined;
  readonly cursor?: string | undefined;
  readonly limit: number;
}

export interface CardListItem {
  id: string;
  last4: string;
  kind: 'primary' | 'supplementary';
  primaryCardId: string | null;
  holder: { accountId: string } & HolderIdentity;
  /** The plan in force today (a supplementary card's is its primary's), or null. */
  plan: { planId: string; names: LocalizedText | null } | null;
  level: number;
  status: CardStatus;
}

export interface CardSearchPage {
  items: CardListItem[];
  nextCursor: string | null;
  /** true when the text named more holders than one search looks at: a longer name narrows it. */
  holdersTruncated: boolean;
}

export interface CardSearchDeps {
  store: CardSearchStore;
  directory: HolderDirectory;
  programs: ProgramSource;
  nowMs: () => number;
}

const CARD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN = /^tok_[A-Za-z0-9_-]+$/;
const LAST4 = /^[0-9]{4}$/;

/**
 * What a search text names, decided by its form: a card id or token names one card; four digits
 * are last four digits, and a handle too (handles may be digits); anything else is a holder's
 * handle (a leading @ allowed) or name.
 */
async function matchesOf(
  q: string | undefined,
  directory: HolderDirectory,
): Promise<{ matches: CardMatch[]; truncated: boolean }> {
  const text = q?.trim() ?? '';
  if (text === '') return { matches: [{ by: 'all' }], truncated: false };
  if (CARD_ID.test(text)) return { matches: [{ by: 'ref', ref: text.toLowerCase() }], truncated: false };
  if (TOKEN.test(text)) return { matches: [{ by: 'ref', ref: text }], truncated: false };
  const holders = await directory.matching(text.replace(/^@/, ''), HOLDERS_PER_SEARCH_MAX);
  const matches: CardMatch[] = LAST4.test(text) ? [{ by: 'last4', last4: text }] : [];
  if (holders.accountIds.length > 0) matches.push({ by: 'holders', accountIds: holders.accountIds });
  return { matches, truncated: holders.truncated };
}

/** Newest first: created_at, then id, both descending (the store's order). */
const newerFirst = (a: CardListRow, b: CardListRow) =>
  Number(b.created_at) - Number(a.created_at) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** One page over several matches: each store page is already in order, so merge and cut. */
function mergePages(pages: CardListRow[][], limit: number): CardListRow[] {
  const byId = new Map(pages.flat().map((row) => [row.id, row]));
  return [...byId.values()].sort(newerFirst).slice(0, limit);
}

function checkPlan(programs: ProgramSource, planId: string | undefined): void {
  if (planId === undefined || findPlan(programs.current(), planId)) return;
  throw new ValidationError(
    'The program has no such plan.',
    [{ field: 'plan', code: 'not_allowed', message: 'is not a plan of the program' }],
    'unknown_plan',
  );
}

/** The bank console's card search and list: a keyset page of cards with their holders. */
export function createCardSearch({ store, directory, programs, nowMs }: CardSearchDeps) {
  return async (ask: CardSearchAsk): Promise<CardSearchPage> => {
    const after = decodeCursor(ask.cursor);
    checkPlan(programs, ask.planId);
    const today = taipeiDate(nowMs());
    const { matches, truncated } = await matchesOf(ask.q, directory);
    const filter: CardFilter = { planId: ask.planId, level: ask.level, status: ask.status, kind: ask.kind };
    const pages = await Promise.all(
      matches.map((match) => store.page({ match, filter, today, after, limit: ask.limit + 1 })),
    );
    const rows = mergePages(pages, ask.limit + 1);
    const shown = rows.slice(0, ask.limit);
    const last = shown.at(-1);
    const next: TimeCursor | null =
      rows.length > ask.limit && last ? { at: Number(last.created_at), id: last.id } : null;
    return {
      items: await present(shown, directory, programs, today),
      nextCursor: next && encodeCursor(next),
      holdersTruncated: truncated,
    };
  };
}

async function present(
  rows: CardListRow[],
  directory: HolderDirectory,
  programs: ProgramSource,
  today: CalendarDate,
): Promise<CardListItem[]> {
  const holders = await directory.identities([...new Set(rows.map((r) => r.holder_account_id))]);
  const program = programs.current();
  return rows.map((row) => {
    const plan = row.plan_id === null ? undefined : findPlan(program, row.plan_id);
    const names = plan ? (planVersionOn(plan, today)?.names ?? plan.names) : null;
    const identity = holders.get(row.holder_account_id) ?? { handle: null, displayName: null };
    return {
      id: row.id,
      last4: row.last4,
      kind: row.primary_card_id === null ? 'primary' : 'supplementary',
      primaryCardId: row.primary_card_id,
      holder: { accountId: row.holder_account_id, ...identity },
      plan: row.plan_id === null ? null : { planId: row.plan_id, names },
      level: Number(row.level),
      status: row.plan_id === null ? 'no_plan' : 'active',
    };
  });
}

export type CardSearch = ReturnType<typeof createCardSearch>;
