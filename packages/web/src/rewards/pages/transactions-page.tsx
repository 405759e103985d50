import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading, listFallback } from '../../components/states.tsx';
import type { TransactionItem } from '../api/ledger-types.ts';
import { ExplanationSheet } from '../components/explanation-sheet.tsx';
import { TransactionRow } from '../components/transaction-row.tsx';
import { useTransactions } from '../hooks/use-ledger.ts';
import { useCardOutlet } from './card-layout.tsx';

/** `/rewards/cards/:cardId/transactions`: purchases newest first; tapping one explains its points. */
export function TransactionsPage() {
  const { t } = useTranslation();
  const card = useCardOutlet();
  const list = useTransactions(card.id);
  const [open, setOpen] = useState<TransactionItem | null>(null);
  const fallback = listFallback(list, t('rewards.tx.empty'));
  return (
    <section className="rewards-section">
      <p className="muted">{t('rewards.tx.intro')}</p>
      {fallback ?? (
        <ul className="rewards-tx-list card" data-testid="transactions">
          {list.items.map((tx) => (
            <TransactionRow key={tx.id} tx={tx} onOpen={setOpen} />
          ))}
        </ul>
      )}
      <div ref={list.sentinelRef}>{list.isFetchingNextPage && <Loading />}</div>
      {open && <ExplanationSheet tx={open} onClose={() => setOpen(null)} />}
    </section>
  );
}
