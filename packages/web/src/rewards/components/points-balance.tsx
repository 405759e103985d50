import { useTranslation } from 'react-i18next';
import type { PointsView } from '../api/ledger-types.ts';
import { formatPoints } from '../lib/format.ts';

/** Available and pending points side by side, and what the card owes if a refund outran them. */
export function PointsBalance({ balance }: { balance: Pick<PointsView, 'available' | 'pending' | 'owed'> }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <div className="rewards-balance" data-testid="points-balance">
      <BalanceCell label={t('rewards.points.available')} testId="points-available">
        {formatPoints(balance.available, lang)}
      </BalanceCell>
      <BalanceCell label={t('rewards.points.pending')} testId="points-pending" pending>
        {formatPoints(balance.pending, lang)}
      </BalanceCell>
      {balance.owed > 0 && (
        <p className="rewards-balance-owed">
          {t('rewards.points.owed', { points: formatPoints(balance.owed, lang) })}
        </p>
      )}
    </div>
  );
}

function BalanceCell({
  label,
  testId,
  pending = false,
  children,
}: {
  label: string;
  testId: string;
  pending?: boolean;
  children: string;
}) {
  return (
    <div className="rewards-balance-cell">
      <span className="muted">{label}</span>
      <strong
        className={pending ? 'rewards-points-big rewards-points-pending' : 'rewards-points-big'}
        data-testid={testId}
      >
        {children}
      </strong>
    </div>
  );
}
