import { api, query } from './client.ts';
import type { NotificationView, Page } from './types.ts';

export const listNotifications = (cursor?: string) =>
  api<Page<NotificationView>>('GET', `/api/v1/notifications${query({ cursor })}`);
export const unreadCount = () => api<{ unread: number }>('GET', '/api/v1/notifications/unread-count');
export const markAllRead = () => api<{ unread: number }>('POST', '/api/v1/notifications/read', {});
