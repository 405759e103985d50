import { ValidationError } from '@plaza/kernel';

/** A keyset position: the (createdAt, id) of the last row a page showed. */
export interface Keyset {
  atMs: number;
  id: string;
}

/** Opaque to clients; encodes the last row so the next page starts right after it. */
export function encodeCursor(key: Keyset): string {
  return Buffer.from(`${key.atMs}.${key.id}`, 'utf8').toString('base64url');
}

/** Decodes a client's cursor; a tampered one is a 400 on the `cursor` field, never a 500. */
export function decodeCursor(cursor: string | undefined): Keyset | null {
  if (cursor === undefined || cursor === '') return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const dot = text.indexOf('.');
  const atMs = Number(text.slice(0, dot));
  const id = text.slice(dot + 1);
  if (dot < 1 || !Number.isSafeInteger(atMs) || !/^[0-9a-f-]{36}$/.test(id)) {
    throw new ValidationError(
      'The cursor is not one this API gave out.',
      [{ field: 'querystring:/cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
      'invalid_cursor',
    );
  }
  return { atMs, id };
}

/**
 * Cuts a page fetched with `limit + 1` rows: the extra row only proves there is a next page.
 * @example pageOf(rows, 20, (r) => ({ atMs: r.created_at, id: r.id }))
 */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(keyOf(last)) : null;
  return { items, nextCursor };
}
