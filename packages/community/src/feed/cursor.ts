import { isId, ValidationError } from '@plaza/kernel';

/** A keyset position: the (createdAt, id) of the last row a page consumed. */
export interface Keyset {
  atMs: number;
  id: string;
}

/** A position in one discover ranking: which snapshot, and how many entries were consumed. */
export interface SnapshotPosition {
  snapshotId: string;
  offset: number;
}

function invalidCursor(): ValidationError {
  return new ValidationError(
    'The cursor is not one this API gave out.',
    [{ field: 'querystring:/cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
    'invalid_cursor',
  );
}

function encodePair(left: string | number, right: string | number): string {
  return Buffer.from(`${left}.${right}`, 'utf8').toString('base64url');
}

function decodePair(cursor: string): [string, string] {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const dot = text.indexOf('.');
  if (dot < 1) throw invalidCursor();
  return [text.slice(0, dot), text.slice(dot + 1)];
}

export const encodeKeyset = (key: Keyset): string => encodePair(key.atMs, key.id);

/** A client's keyset cursor; a tampered one is a 400 on the `cursor` field, never a 500. */
export function decodeKeyset(cursor: string | undefined): Keyset | null {
  if (cursor === undefined || cursor === '') return null;
  const [left, id] = decodePair(cursor);
  const atMs = Number(left);
  if (!/^\d+$/.test(left) || !Number.isSafeInteger(atMs) || !isId(id)) throw invalidCursor();
  return { atMs, id };
}

export const encodeSnapshotPosition = (p: SnapshotPosition): string => encodePair(p.snapshotId, p.offset);

export function decodeSnapshotPosition(
  cursor: string | undefined,
  offsetMax: number,
): SnapshotPosition | null {
  if (cursor === undefined || cursor === '') return null;
  const [snapshotId, right] = decodePair(cursor);
  const offset = Number(right);
  if (!isId(snapshotId) || !/^\d+$/.test(right) || offset > offsetMax) throw invalidCursor();
  return { snapshotId, offset };
}
