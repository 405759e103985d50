import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { usePaged } from '../../hooks/use-paged.ts';
import { getPoints, getTransactionPoints, listTransactions } from '../api/ledger.ts';
import type { PointsView } from '../api/ledger-types.ts';
import { rewardsKeys } from './use-cards.ts';

export const useTransactions = (cardId: string) =>
  usePaged(rewardsKeys.transactions(cardId), (cursor) => listTransactions(cardId, cursor));

/** The card's points account; the balances come with the first page of its history. */
export function usePoints(cardId: string) {
  const list = usePaged(rewardsKeys.points(cardId), (cursor) => getPoints(cardId, cursor));
  // usePaged types its pages as plain pages; these are the full answers getPoints returned.
  const first = list.data?.pages[0] as PointsView | undefined;
  return { ...list, balance: first };
}

/**
 * A transaction's points explained in the UI language. The API writes Traditional Chinese and
 * English; Simplified readers get the Traditional text, converted on screen.
 */
export function useTransactionPoints(cardId: string, txId: string | null) {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-TW';
  return useQuery({
    queryKey: rewardsKeys.explanation(cardId, txId ?? '', lang),
    queryFn: () => getTransactionPoints(cardId, txId ?? '', lang),
    enabled: txId !== null,
  });
}
