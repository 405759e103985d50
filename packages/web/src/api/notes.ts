import { api, enc, query } from './client.ts';
import type { CollectionView, CommentOrder, CommentView, NoteView, Page } from './types.ts';

export interface NoteInput {
  title: string;
  body: string;
  mediaIds: string[];
  topics: string[];
  status?: 'published' | 'draft';
}

export const createNote = (input: NoteInput) => api<NoteView>('POST', '/api/v1/notes', input);
export const getNote = (id: string) => api<NoteView>('GET', `/api/v1/notes/${enc(id)}`);
export const updateNote = (id: string, input: Partial<NoteInput>) =>
  api<NoteView>('PATCH', `/api/v1/notes/${enc(id)}`, input);
export const deleteNote = (id: string) => api<void>('DELETE', `/api/v1/notes/${enc(id)}`);

export interface LikeState {
  liked: boolean;
  likeCount: number;
}

export const setLike = (id: string, liked: boolean) =>
  api<LikeState>(liked ? 'POST' : 'DELETE', `/api/v1/notes/${enc(id)}/like`);

export interface CollectState {
  collected: boolean;
  collectCount: number;
}

export const collectNote = (id: string, collectionId?: string) =>
  api<CollectState>('POST', `/api/v1/notes/${enc(id)}/collect`, collectionId ? { collectionId } : {});
export const uncollectNote = (id: string) => api<CollectState>('DELETE', `/api/v1/notes/${enc(id)}/collect`);

export const createCollection = (name: string, description?: string, isPrivate?: boolean) =>
  api<CollectionView>('POST', '/api/v1/collections', {
    name,
    ...(description ? { description } : {}),
    ...(isPrivate ? { private: true } : {}),
  });

export const listComments = (noteId: string, cursor?: string, order: CommentOrder = 'oldest') =>
  api<Page<CommentView>>('GET', `/api/v1/notes/${enc(noteId)}/comments${query({ cursor, order })}`);
export const setCommentLike = (commentId: string, liked: boolean) =>
  api<LikeState>(liked ? 'POST' : 'DELETE', `/api/v1/comments/${enc(commentId)}/like`);
export const listReplies = (commentId: string, cursor?: string) =>
  api<Page<CommentView>>('GET', `/api/v1/comments/${enc(commentId)}/replies${query({ cursor })}`);
export const postComment = (noteId: string, body: string, parentId?: string) =>
  api<CommentView>('POST', `/api/v1/notes/${enc(noteId)}/comments`, parentId ? { body, parentId } : { body });
