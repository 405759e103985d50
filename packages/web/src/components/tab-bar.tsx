import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useMe } from '../hooks/use-me.ts';
import { useUnread } from '../hooks/use-unread.ts';
import { BellIcon, HomeIcon, PlusIcon, SearchIcon, UserIcon } from './icons.tsx';
import { UnreadBadge } from './unread-badge.tsx';

/** The phone's bottom tab bar, RedNote's five slots with the red plus in the middle. */
export function TabBar() {
  const { t } = useTranslation();
  const { me } = useMe();
  const unread = useUnread();
  const meLink = me ? `/u/${encodeURIComponent(me.handle)}` : '/login';
  return (
    <nav className="tabbar" aria-label={t('nav.main')}>
      <NavLink to="/" end>
        <HomeIcon />
        <span>{t('nav.discover')}</span>
      </NavLink>
      <NavLink to="/search">
        <SearchIcon />
        <span>{t('nav.search')}</span>
      </NavLink>
      <NavLink to={me ? '/compose' : '/login'} className="tabbar-compose" aria-label={t('nav.compose')}>
        <PlusIcon size={24} />
      </NavLink>
      <NavLink to={me ? '/notifications' : '/login'} className="nav-with-badge">
        <BellIcon />
        <span>{t('nav.notifications')}</span>
        <UnreadBadge count={unread} />
      </NavLink>
      <NavLink to={meLink}>
        <UserIcon />
        <span>{t('nav.me')}</span>
      </NavLink>
    </nav>
  );
}
