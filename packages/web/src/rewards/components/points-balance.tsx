import { useTranslation } from 'react-i18next';
import type { PointsView } from '../api/ledger-types.ts';
import { formatPoints } from '../lib/format.ts';

/** Available and pending points side by side, and what the card owes if a refund outran them. */
export function PointsBalance({ balance }: { balance: Pick<PointsView, 'available' | 'pending' | 'owed'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="rewards-balance" data-testid="points-balance">
      <div className="rewards-balance-cell">
        <span className="muted">{t('rewards.points.available')}</span>
        <strong className="rewards-points-big" data-testid="points-available">
          {formatPoints(balance.available, lang)}
        </strong>
      </div>
      <div className="rewards-balance-cell">
        <span className="muted">{t('rewards.points.pending')}</span>
        <strong className="rewards-points-big rewards-points-pending" data-testid="points-pending">
          {formatPoints(balance.pending, lang)}
        </strong>
      </div>
      {balance.owed > 0 && (
        <p className="rewards-balance-owed">
          {t('rewards.points.owed', { points: formatPoints(balance.owed, lang) })}
        </p>
      )}
    </div>
  );
}
