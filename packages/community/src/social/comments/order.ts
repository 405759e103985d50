import { ValidationError } from '@plaza/kernel';
import { decodeCursor, encodeCursor, type Keyset } from '../shared/cursor.ts';

/** How a note's top-level comments are listed. Replies stay oldest first under their thread. */
export const COMMENT_ORDERS = ['oldest', 'newest', 'liked'] as const;
export type CommentOrder = (typeof COMMENT_ORDERS)[number];

/** A keyset position in any order: `likes` only for "most liked", where it leads the key. */
export interface CommentKey extends Keyset {
  likes?: number;
}

/**
 * The cursor after `key`: for "most liked" the like count rides in front (`7~…`), so the next
 * page starts below the last row even when counts tie.
 * @example encodeCommentCursor('liked', { likes: 7, atMs: 1, id }) // base64url of "7~" + the plain cursor
 */
export function encodeCommentCursor(order: CommentOrder, key: CommentKey): string {
  const plain = encodeCursor({ atMs: key.atMs, id: key.id });
  return order === 'liked' ? Buffer.from(`${key.likes ?? 0}~${plain}`, 'utf8').toString('base64url') : plain;
}

/** Decodes a cursor given out for `order`; anything else is a 400 on `cursor`. */
export function decodeCommentCursor(order: CommentOrder, cursor: string | undefined): CommentKey | null {
  if (order !== 'liked') return decodeCursor(cursor);
  if (cursor === undefined || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const [count = '', plain = ''] = text.split('~', 2);
  const likes = Number(count);
  const key = /^\d{1,10}$/.test(count) && plain ? decodeCursor(plain) : null;
  if (!key || !Number.isSafeInteger(likes)) {
    throw new ValidationError(
      'The cursor is not one this API gave out.',
      [{ field: 'querystring:/cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
      'invalid_cursor',
    );
  }
  return { ...key, likes };
}
