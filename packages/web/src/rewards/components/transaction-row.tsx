import { useTranslation } from 'react-i18next';
import type { TransactionItem } from '../api/ledger-types.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatMoney, formatSignedPoints, formatTaipeiDateTime } from '../lib/format.ts';

/** What the holder was charged: the settled amount once settled, else the authorized hold. */
export function chargedAmount(tx: TransactionItem): number {
  return tx.settledAmount > 0 ? tx.settledAmount : tx.authorizedAmount;
}

/** One purchase in the list: merchant, time, amount, status and its points (tap for the why). */
export function TransactionRow({
  tx,
  onOpen,
}: {
  tx: TransactionItem;
  onOpen: (tx: TransactionItem) => void;
}) {
  const { t, i18n } = useTranslation();
  const { text } = useLocalText();
  const lang = i18n.language;
  const { points } = tx;
  return (
    <li data-transaction={tx.id}>
      <button type="button" className="rewards-tx" onClick={() => onOpen(tx)}>
        <span className="rewards-tx-main">
          <span className="rewards-tx-merchant">
            {tx.merchant?.name ? text(tx.merchant.name) : t('rewards.tx.unknownMerchant')}
          </span>
          <span className="muted">{formatTaipeiDateTime(tx.transactionAt, lang)}</span>
          <span className={`badge rewards-status rewards-status-${tx.status}`}>
            {t(`rewards.tx.status.${knownStatus(tx.status)}`)}
          </span>
        </span>
        <span className="rewards-tx-side">
          <span className="rewards-tx-amount">{formatMoney(chargedAmount(tx), tx.currency, lang)}</span>
          {tx.settledAt !== null && (
            <span className="rewards-tx-points" data-testid="tx-points">
              {t('rewards.points.count', { points: formatSignedPoints(points.net, lang) })}
            </span>
          )}
          {points.pending > 0 && (
            <span className="rewards-tx-state">
              {t('rewards.tx.pendingPoints', { points: points.pending })}
            </span>
          )}
          {points.available > 0 && points.pending === 0 && (
            <span className="rewards-tx-state rewards-tx-available">{t('rewards.tx.available')}</span>
          )}
        </span>
      </button>
    </li>
  );
}

const STATUSES = [
  'authorized',
  'reversed',
  'expired',
  'settled',
  'partially_refunded',
  'refunded',
  'charged_back',
] as const;

/** A status the app has words for; one the API adds later reads as "other" until it does. */
export function knownStatus(status: string): (typeof STATUSES)[number] | 'other' {
  return (STATUSES as readonly string[]).includes(status) ? (status as (typeof STATUSES)[number]) : 'other';
}
