import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listNotifications, markAllRead } from '../api/notifications.ts';
import type { NotificationGroup, NotificationView } from '../api/types.ts';
import { Avatar } from '../components/avatar.tsx';
import { Segmented } from '../components/segmented.tsx';
import { Empty, ErrorBox, Loading } from '../components/states.tsx';
import { usePaged } from '../hooks/use-paged.ts';
import { UNREAD_KEY } from '../hooks/use-unread.ts';
import { usePageTitle } from '../i18n/page-title.ts';
import { formatRelative } from '../lib/format.ts';

const GROUPS = ['all', 'likes', 'follows', 'comments'] as const;

/** Likes, collects, comments, replies, mentions and follows, newest first; opening the page reads them. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('titles.notifications'));
  const queryClient = useQueryClient();
  const [group, setGroup] = useState<NotificationGroup | 'all'>('all');
  const list = usePaged(['notifications', 'list', group], (cursor) =>
    listNotifications(cursor, group === 'all' ? undefined : group),
  );
  const read = useMutation({
    mutationFn: markAllRead,
    onSuccess: (state) => queryClient.setQueryData(UNREAD_KEY, state),
  });
  const { mutate } = read;
  const loaded = list.isSuccess;
  useEffect(() => {
    if (loaded) mutate();
  }, [loaded, mutate]);

  return (
    <div className="page page-narrow">
      <h1 className="page-title">{t('notifications.title')}</h1>
      <div className="notifications-groups">
        <Segmented
          value={group}
          label={t('pages.notifications.groups')}
          options={GROUPS.map((value) => ({ value, label: t(`pages.notifications.${value}`) }))}
          onChange={setGroup}
        />
      </div>
      {list.isPending && <Loading />}
      {list.isError && <ErrorBox error={list.error} onRetry={() => void list.refetch()} />}
      {list.isSuccess && list.items.length === 0 && <Empty>{t('notifications.empty')}</Empty>}
      <ul className="notification-list">
        {list.items.map((item) => (
          <NotificationRow key={item.id} item={item} />
        ))}
      </ul>
      <div ref={list.sentinelRef}>{list.isFetchingNextPage && <Loading />}</div>
    </div>
  );
}

function NotificationRow({ item }: { item: NotificationView }) {
  const { t, i18n } = useTranslation();
  const actorName = item.actor.displayName || item.actor.handle;
  const target = item.note ? `/notes/${item.note.id}` : `/u/${encodeURIComponent(item.actor.handle)}`;
  const cover = item.note?.coverUrl;
  return (
    <li className={item.read ? 'notification' : 'notification unread'} data-kind={item.kind}>
      <Link to={target} className="notification-link">
        <Avatar name={actorName} url={item.actor.avatarUrl} size={44} />
        <span className="notification-main">
          <span>
            <strong>{actorName}</strong> {t(`notifications.${item.kind}`)}
          </span>
          {item.commentText && <span className="notification-quote">{item.commentText}</span>}
          {item.note && <span className="notification-excerpt">{item.note.title}</span>}
          <span className="muted">{formatRelative(item.createdAt, i18n.language)}</span>
        </span>
        {cover && <img className="notification-thumb" src={cover} alt="" loading="lazy" />}
      </Link>
    </li>
  );
}
