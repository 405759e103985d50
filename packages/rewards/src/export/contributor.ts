import {
  type AccountExportContributor,
  type AuthService,
  EXPORT_PAGE_ROWS,
  keysetRows,
  mapRows,
} from '@plaza/kernel';
import type { CardRow } from '../cards/store.ts';
import type { Locale } from '../earning/messages.ts';
import type { LedgerService } from '../ledger/service.ts';
import type { PostingRow } from '../ledger/tables.ts';
import type { TransactionsReader } from '../lifecycle/reader.ts';
import type { TransactionCursor } from '../lifecycle/store.ts';
import { presentLine, presentPosting } from '../points/present.ts';
import type { ExportStore } from './store.ts';

export interface RewardsExportDeps {
  store: ExportStore;
  transactions: Pick<TransactionsReader, 'pageWithLines'>;
  ledger: Pick<LedgerService, 'balances' | 'history'>;
  auth: Pick<AuthService, 'findById'>;
}

// A purchase carries its events and lines: a smaller page than plain rows keeps it bounded.
const TRANSACTIONS_PER_PAGE = 100;

/** Cards in export form: the network token and last four digits (Plaza never holds a card number). */
function presentCard(row: CardRow) {
  return {
    id: row.id,
    token: row.token,
    last4: row.last4,
    primaryCardId: row.primary_card_id,
    level: row.level,
    birthMonth: row.birth_month,
    createdAt: Number(row.created_at),
  };
}

/**
 * Rewards' part of an account's export, in `rewards/`: the account's cards, each card's plan
 * selections, balances, purchases with their events and every point explained, and ledger
 * postings. Each file is written card after card, each card's rows in keyset pages.
 */
export function createRewardsExportContributor(deps: RewardsExportDeps): AccountExportContributor {
  const { store, transactions, ledger } = deps;
  const cards = (accountId: string) => keysetRows(store.cardsPages(accountId));

  /** For each of the account's cards, the rows `perCard` reads for it. */
  async function* eachCard<T>(accountId: string, perCard: (cardId: string) => AsyncIterable<T>) {
    for await (const card of cards(accountId)) yield* perCard(card.id);
  }

  async function* purchases(cardId: string, locale: Locale) {
    let after: TransactionCursor | null = null;
    do {
      const page = await transactions.pageWithLines(cardId, TRANSACTIONS_PER_PAGE, after);
      for (const { transaction, lines, totals } of page.items) {
        yield { ...transaction, points: totals, lines: lines.map((line) => presentLine(line, locale)) };
      }
      after = page.next;
    } while (after);
  }

  function postings(cardId: string) {
    const readPage = (after: PostingRow | undefined, limit: number) =>
      ledger.history(cardId, limit, after ? { effectiveAt: Number(after.effective_at), id: after.id } : null);
    return mapRows(keysetRows(readPage, EXPORT_PAGE_ROWS), (row) => ({ cardId, ...presentPosting(row) }));
  }

  return {
    name: 'rewards',
    async write(accountId, sink) {
      const account = await deps.auth.findById(accountId);
      // Explanations in the account's language, as the card app shows them by default.
      const locale: Locale = account?.language === 'en' ? 'en' : 'zh-TW';
      await sink.lines('cards.jsonl', mapRows(cards(accountId), presentCard));
      await sink.lines(
        'plan-selections.jsonl',
        eachCard(accountId, (cardId) =>
          mapRows(keysetRows(store.selectionsPages(cardId)), (row) => ({
            cardId,
            planId: row.plan_id,
            taipeiDate: row.taipei_date,
            selectedAt: Number(row.selected_at),
          })),
        ),
      );
      // Balances first: reading them releases the points whose business day has come, so the
      // postings below include those releases.
      await sink.lines(
        'balances.jsonl',
        eachCard(accountId, async function* (cardId) {
          yield { cardId, ...(await ledger.balances(cardId)) };
        }),
      );
      await sink.lines(
        'transactions.jsonl',
        eachCard(accountId, (cardId) => purchases(cardId, locale)),
      );
      await sink.lines('postings.jsonl', eachCard(accountId, postings));
    },
  };
}
