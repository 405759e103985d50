import { useTranslation } from 'react-i18next';

/** The red dot with a number; hidden at zero. Caps at 99+ like every messaging app. */
export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <span className="unread-badge" title={t('nav.unread', { count })} data-testid="unread-badge">
      {count > 99 ? '99+' : count}
    </span>
  );
}
