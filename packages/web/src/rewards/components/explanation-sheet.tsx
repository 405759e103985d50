import { useTranslation } from 'react-i18next';
import { Sheet } from '../../components/sheet.tsx';
import { ErrorBox, Loading } from '../../components/states.tsx';
import type { PointsLine, TransactionItem } from '../api/ledger-types.ts';
import { useTransactionPoints } from '../hooks/use-ledger.ts';
import { useLocalText } from '../hooks/use-local-text.ts';
import { formatMoney, formatPoints, formatSignedPoints, formatTaipeiDateTime } from '../lib/format.ts';
import { PointsLineItem } from './points-line.tsx';
import { chargedAmount } from './transaction-row.tsx';

/** A transaction's points, line by line, each with the sentence that explains it. */
export function ExplanationSheet({ tx, onClose }: { tx: TransactionItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = useTransactionPoints(tx.cardId, tx.id);
  const { text } = useLocalText();
  // The network writes merchant names as the merchant does (Traditional here): Simplified readers get them converted.
  const title = tx.merchant?.name ? text(tx.merchant.name) : t('rewards.tx.unknownMerchant');
  return (
    <Sheet title={title} onClose={onClose}>
      <div className="rewards-explain" data-testid="explanation">
        <p className="muted">
          {formatTaipeiDateTime(tx.transactionAt, lang)} · {formatMoney(chargedAmount(tx), tx.currency, lang)}
        </p>
        {points.isPending && <Loading />}
        {points.isError && <ErrorBox error={points.error} onRetry={() => void points.refetch()} />}
        {points.data && (
          <>
            <div className="rewards-explain-totals">
              <span className="rewards-points-big" data-testid="explanation-total">
                {t('rewards.points.count', { points: formatSignedPoints(points.data.totals.net, lang) })}
              </span>
              <span className="muted">
                {t('rewards.tx.split', {
                  pending: formatPoints(points.data.totals.pending, lang),
                  available: formatPoints(points.data.totals.available, lang),
                })}
              </span>
            </div>
            {points.data.lines.length === 0 ? (
              <p className="muted">{t('rewards.tx.noPoints')}</p>
            ) : (
              <ol className="rewards-lines">
                {points.data.lines.map((line) => (
                  <Line key={`${line.eventId}:${line.lineNo}`} line={line} />
                ))}
              </ol>
            )}
          </>
        )}
      </div>
    </Sheet>
  );
}

function Line({ line }: { line: PointsLine }) {
  const { text } = useLocalText();
  return <PointsLineItem kind={line.kind} points={line.points} text={text(line.explanation)} />;
}
