import { useQuery } from '@tanstack/react-query';
import { unreadCount } from '../api/notifications.ts';
import { useMe } from './use-me.ts';

export const UNREAD_KEY = ['notifications', 'unread'] as const;

/** Unread notification count for the nav badge, polled while signed in. */
export function useUnread(): number {
  const { me } = useMe();
  const { data } = useQuery({
    queryKey: UNREAD_KEY,
    queryFn: unreadCount,
    enabled: Boolean(me),
    refetchInterval: 30_000,
  });
  return me ? (data?.unread ?? me.unreadNotifications ?? 0) : 0;
}
