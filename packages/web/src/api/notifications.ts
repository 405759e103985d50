import { api, query } from './client.ts';
import type { NotificationGroup, NotificationView, Page } from './types.ts';

export const listNotifications = (cursor?: string, group?: NotificationGroup) =>
  api<Page<NotificationView>>('GET', `/api/v1/notifications${query({ cursor, group })}`);
export const unreadCount = () => api<{ unread: number }>('GET', '/api/v1/notifications/unread-count');
export const markAllRead = () => api<{ unread: number }>('POST', '/api/v1/notifications/read', {});
