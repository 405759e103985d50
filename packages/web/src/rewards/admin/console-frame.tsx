import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LanguageSwitcher } from '../../components/language-switcher.tsx';
import './console.css';

/** The console's sections, in the order the bank works through them. */
export const CONSOLE_SECTIONS = [
  { to: '/rewards/admin/plans', key: 'catalog' },
  { to: '/rewards/admin/cards', key: 'cards' },
  { to: '/rewards/admin/merchants', key: 'merchants' },
  { to: '/rewards/admin/calendar', key: 'calendar' },
  { to: '/rewards/admin/preview', key: 'preview' },
] as const;

type SectionKey = (typeof CONSOLE_SECTIONS)[number]['key'];

/** The section a console address belongs to (versions and their shelf live under plans). */
export function sectionOf(pathname: string): SectionKey | undefined {
  if (pathname.startsWith('/rewards/admin/versions/')) return 'catalog';
  return CONSOLE_SECTIONS.find((s) => pathname === s.to || pathname.startsWith(`${s.to}/`))?.key;
}

/**
 * The bank's own frame around the console: the bank's name, the console's sections (a side
 * column on a desktop, a menu on a phone), the language and a way back to Plaza. None of the
 * Community's chrome (search, posting, its tab bar): the console is the bank's, not a page of
 * the community site.
 */
export function ConsoleFrame({ withNav, children }: { withNav: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navId = useId();
  const { pathname } = useLocation();
  // A section picked from the phone's menu closes it: the page, not the menu, is what follows.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the address changes
  useEffect(() => setOpen(false), [pathname]);
  return (
    <div className={withNav ? 'console' : 'console console-bare'} data-testid="console-frame">
      <header className="console-bar">
        <Link to="/rewards/admin" className="console-brand">
          <span className="console-bank">{t('rewards.admin.console.bank')}</span>
          <span className="console-product">{t('rewards.admin.console.product')}</span>
        </Link>
        {withNav && (
          <button
            type="button"
            className="btn btn-ghost console-menu-button"
            aria-expanded={open}
            aria-controls={navId}
            onClick={() => setOpen(!open)}
          >
            {t(open ? 'rewards.admin.console.closeMenu' : 'rewards.admin.console.menu')}
          </button>
        )}
        <div className="console-bar-end">
          <LanguageSwitcher compact />
          <Link to="/" className="console-leave">
            {t('rewards.admin.console.leave')}
          </Link>
        </div>
      </header>
      {withNav && (
        <nav
          id={navId}
          className={open ? 'console-nav console-nav-open' : 'console-nav'}
          aria-label={t('rewards.admin.sections')}
        >
          {CONSOLE_SECTIONS.map((section) => (
            <NavLink
              key={section.key}
              to={section.to}
              className={() => (sectionOf(pathname) === section.key ? 'active' : '')}
              aria-current={sectionOf(pathname) === section.key ? 'page' : undefined}
            >
              {t(`rewards.admin.tabs.${section.key}`)}
            </NavLink>
          ))}
        </nav>
      )}
      <main className="console-main">{children}</main>
    </div>
  );
}
