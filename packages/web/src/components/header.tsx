import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../hooks/use-me.ts';
import { useUnread } from '../hooks/use-unread.ts';
import { RewardsNavLink } from '../rewards/components/rewards-nav-link.tsx';
import { Avatar } from './avatar.tsx';
import { BellIcon, PlusIcon, SearchIcon } from './icons.tsx';
import { LanguageSwitcher } from './language-switcher.tsx';
import { UnreadBadge } from './unread-badge.tsx';

/** The top bar: logo and search everywhere; on desktop also the nav, composer and account. */
export function Header() {
  const { t } = useTranslation();
  const { me } = useMe();
  const unread = useUnread();
  const navigate = useNavigate();
  const onSearchPage = useLocation().pathname === '/search';
  const [params] = useSearchParams();
  const shownQuery = onSearchPage ? (params.get('q') ?? '') : '';
  const [q, setQ] = useState(shownQuery);
  // On a desktop the search page has no box of its own: this one shows and edits its query.
  useEffect(() => setQ(shownQuery), [shownQuery]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!q.trim()) return;
    const type = onSearchPage ? params.get('type') : null;
    const query = new URLSearchParams({ q: q.trim(), ...(type ? { type } : {}) });
    void navigate(`/search?${query}`);
  };
  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to="/" className="logo">
          {t('app.name')}
        </Link>
        <form className={onSearchPage ? 'topbar-search on-search-page' : 'topbar-search'} onSubmit={submit}>
          <SearchIcon size={18} />
          <input
            type="search"
            name="q"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('search.placeholder')}
            aria-label={t('search.placeholder')}
          />
        </form>
        <nav className="topbar-nav" aria-label={t('nav.main')}>
          <NavLink to="/" end>
            {t('nav.discover')}
          </NavLink>
          <NavLink to="/following">{t('nav.following')}</NavLink>
          {me && (
            <NavLink to="/notifications" className="nav-with-badge">
              <BellIcon size={20} />
              <span>{t('nav.notifications')}</span>
              <UnreadBadge count={unread} />
            </NavLink>
          )}
        </nav>
        <div className="topbar-actions">
          <RewardsNavLink />
          <LanguageSwitcher compact />
          {me ? (
            <>
              <Link to="/compose" className="btn btn-primary btn-compose">
                <PlusIcon size={18} />
                <span>{t('nav.compose')}</span>
              </Link>
              <Link to={`/u/${encodeURIComponent(me.handle)}`} className="topbar-me" aria-label={t('nav.me')}>
                <Avatar name={me.displayName || me.handle} url={me.avatarUrl} size={32} />
              </Link>
            </>
          ) : (
            <>
              <Link to="/login" className="btn btn-ghost">
                {t('nav.logIn')}
              </Link>
              <Link to="/signup" className="btn btn-primary">
                {t('nav.signUp')}
              </Link>
            </>
          )}
        </div>
      </div>
    </header>
  );
}
