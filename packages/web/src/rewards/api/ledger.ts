import { api, enc, query } from '../../api/client.ts';
import type { Page } from '../../api/types.ts';
import type { PointsView, TransactionItem, TransactionPoints } from './ledger-types.ts';

const CARDS = '/api/rewards/v1/cards';

/** The card's transactions, newest first, a page at a time. */
export const listTransactions = (cardId: string, cursor?: string) =>
  api<Page<TransactionItem>>('GET', `${CARDS}/${enc(cardId)}/transactions${query({ cursor })}`);

/** A transaction's points line by line, explained in zh-TW or en. */
export const getTransactionPoints = (cardId: string, txId: string, lang: 'zh-TW' | 'en') =>
  api<TransactionPoints>('GET', `${CARDS}/${enc(cardId)}/transactions/${enc(txId)}/points${query({ lang })}`);

/** Pending and available points, and the postings that made them, newest first. */
export const getPoints = (cardId: string, cursor?: string) =>
  api<PointsView>('GET', `${CARDS}/${enc(cardId)}/points${query({ cursor })}`);
