import { Body, errorResponses, IdParam, Page, type PlazaApp, requireViewer } from '@plaza/kernel';
import { Type } from '@sinclair/typebox';
import type { NotificationsService } from './service.ts';
import { NOTIFICATION_GROUPS, NOTIFICATION_KINDS, type NotificationGroup } from './store.ts';

const Author = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  displayName: Type.String(),
  avatarUrl: Type.Union([Type.String(), Type.Null()]),
});

const NotificationItem = Type.Object({
  id: Type.String(),
  kind: Type.Union(NOTIFICATION_KINDS.map((k) => Type.Literal(k))),
  actor: Author,
  note: Type.Union([
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      coverUrl: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
  commentId: Type.Union([Type.String(), Type.Null()]),
  commentText: Type.Union([Type.String(), Type.Null()], {
    description: "The comment's text (its first 140 characters) for comment, reply and mention notices",
  }),
  createdAt: Type.Integer(),
  read: Type.Boolean(),
});

// The cursor is the last notification id of the previous page (ids sort by creation time).
const ListQuery = Type.Object(
  {
    cursor: Type.Optional(IdParam),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
    group: Type.Optional(
      Type.Union(
        Object.keys(NOTIFICATION_GROUPS).map((g) => Type.Literal(g as NotificationGroup)),
        { description: 'likes (likes and collects), follows, or comments (comments, replies, mentions)' },
      ),
    ),
  },
  { additionalProperties: false },
);

const Unread = Type.Object({ unread: Type.Integer() });

export function registerNotificationsRoutes(app: PlazaApp, notifications: NotificationsService): void {
  app.get(
    '/api/v1/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'My notifications, newest first, all or one group',
        querystring: ListQuery,
        response: { 200: Page(NotificationItem), ...errorResponses },
      },
    },
    async (request) =>
      notifications.list(
        requireViewer(request).accountId,
        {
          cursor: request.query.cursor,
          limit: request.query.limit ?? 20,
        },
        request.query.group,
      ),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'How many of my notifications are unread',
        response: { 200: Unread, ...errorResponses },
      },
    },
    async (request) => ({ unread: await notifications.unreadCount(requireViewer(request).accountId) }),
  );
  app.post(
    '/api/v1/notifications/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Mark my notifications read: all, or those up to and including `upTo`',
        body: Body({ upTo: Type.Optional(IdParam) }),
        response: { 200: Unread, ...errorResponses },
      },
    },
    async (request) => notifications.markRead(requireViewer(request).accountId, request.body.upTo),
  );
}
