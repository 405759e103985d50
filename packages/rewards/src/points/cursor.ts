import { ValidationError } from '@plaza/kernel';

/** A position in a list ordered by (time, id), opaque to clients. */
export interface TimeCursor {
  readonly at: number;
  readonly id: string;
}

export function encodeCursor(cursor: TimeCursor): string {
  return Buffer.from(`${cursor.at}.${cursor.id}`).toString('base64url');
}

/** The cursor a previous page gave, or a 400 naming the `cursor` parameter. */
export function decodeCursor(text: string | undefined): TimeCursor | null {
  if (text === undefined || text === '') return null;
  const match = /^(\d{1,16})\.([0-9a-f-]{36})$/.exec(Buffer.from(text, 'base64url').toString('utf8'));
  const at = match ? Number(match[1]) : Number.NaN;
  if (!match || !Number.isSafeInteger(at)) {
    throw new ValidationError(
      'That cursor is not one this list gave out.',
      [{ field: 'cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
      'invalid_cursor',
    );
  }
  return { at, id: match[2]! };
}
