import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import '../styles/nav.css';

/** A credit card outline, drawn like the app's other 24px stroke icons. */
export function CardIcon({ size = 22 }: { size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <rect x="2.5" y="5" width="19" height="14" rx="2.5" />
      <path d="M2.5 10h19M6.5 15h4" />
    </svg>
  );
}

/** The top bar's way into the card app: icon and word on desktop, the icon alone on phones. */
export function RewardsNavLink() {
  const { t } = useTranslation();
  return (
    <NavLink to="/rewards" className="topbar-rewards" aria-label={t('nav.card')}>
      <CardIcon />
      <span className="topbar-rewards-label">{t('nav.card')}</span>
    </NavLink>
  );
}
