import type { EventBus } from '@plaza/kernel';
import type { CommunityEvents } from '../contracts.ts';
import type { NotificationKind } from './store.ts';

/** A notification an event asks for, before the self/block/existence rules are applied. */
export interface NotificationDraft {
  recipientId: string;
  kind: NotificationKind;
  actorId: string;
  noteId: string | null;
  commentId: string | null;
}

/**
 * A comment notifies each person once, most specific reason first: the parent comment's
 * author gets "reply", the note's author "comment", everyone else named in it "mention".
 */
export function commentDrafts(e: CommunityEvents['comment.created']): NotificationDraft[] {
  const drafts: NotificationDraft[] = [];
  const notified = new Set<string>();
  const add = (recipientId: string, kind: NotificationKind) => {
    if (notified.has(recipientId)) return;
    notified.add(recipientId);
    drafts.push({ recipientId, kind, actorId: e.accountId, noteId: e.noteId, commentId: e.commentId });
  };
  if (e.parentAuthorId) add(e.parentAuthorId, 'reply');
  add(e.authorId, 'comment');
  for (const mentioned of e.mentions) add(mentioned, 'mention');
  return drafts;
}

export function noteMentionDrafts(e: CommunityEvents['note.published']): NotificationDraft[] {
  return [...new Set(e.mentions)].map((recipientId) => ({
    recipientId,
    kind: 'mention' as const,
    actorId: e.authorId,
    noteId: e.noteId,
    commentId: null,
  }));
}

export interface NotificationSink {
  deliver(drafts: NotificationDraft[]): Promise<void>;
  forgetNote(noteId: string): Promise<void>;
  forgetBetween(a: string, b: string): Promise<void>;
  forgetAccount(accountId: string): Promise<void>;
}

type Handlers = { [K in keyof CommunityEvents]?: (payload: CommunityEvents[K]) => Promise<void> };

/** Turns Community events into notifications. Answers a function that unsubscribes all. */
export function subscribeNotifications(bus: EventBus, sink: NotificationSink): () => void {
  const handlers: Handlers = {
    'follow.created': (e) =>
      sink.deliver([
        { recipientId: e.followeeId, kind: 'follow', actorId: e.followerId, noteId: null, commentId: null },
      ]),
    'like.created': (e) =>
      sink.deliver([
        { recipientId: e.authorId, kind: 'like', actorId: e.accountId, noteId: e.noteId, commentId: null },
      ]),
    'collect.created': (e) =>
      sink.deliver([
        { recipientId: e.authorId, kind: 'collect', actorId: e.accountId, noteId: e.noteId, commentId: null },
      ]),
    'comment.liked': (e) =>
      sink.deliver([
        {
          recipientId: e.authorId,
          kind: 'comment_like',
          actorId: e.accountId,
          noteId: e.noteId,
          commentId: e.commentId,
        },
      ]),
    'comment.created': (e) => sink.deliver(commentDrafts(e)),
    'note.published': (e) => sink.deliver(noteMentionDrafts(e)),
    'note.deleted': (e) => sink.forgetNote(e.noteId),
    'block.created': (e) => sink.forgetBetween(e.blockerId, e.blockedId),
    'account.deleted': (e) => sink.forgetAccount(e.accountId),
  };
  const unsubscribers = Object.entries(handlers).map(([topic, handler]) =>
    bus.subscribe(topic, handler as (payload: unknown) => Promise<void>),
  );
  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}
