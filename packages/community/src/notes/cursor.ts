import { ValidationError } from '@plaza/kernel';

/** A position in a newest-first list: the last item's (createdAt, id). */
export interface Keyset {
  createdAt: number;
  id: string;
}

const CURSOR_RE = /^(\d{1,16})\.([0-9a-f-]{36})$/;

/** Opaque to clients; base64url so it survives query strings untouched. */
export function encodeCursor(key: Keyset): string {
  return Buffer.from(`${key.createdAt}.${key.id}`).toString('base64url');
}

/** The keyset a cursor names; a cursor not made by `encodeCursor` is a 400. */
export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  const match = CURSOR_RE.exec(Buffer.from(cursor, 'base64url').toString('latin1'));
  if (!match) {
    throw new ValidationError(
      'The cursor is not one this list gave out.',
      [{ field: 'querystring:/cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
      'invalid_cursor',
    );
  }
  return { createdAt: Number(match[1]), id: match[2]! };
}
