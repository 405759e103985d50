import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id (RFC 9562 version 8, "custom") computed from its parts, so the same cause
 * always names the same row: a replay, a resumed import or a late duplicate can only collide
 * with what was already written, never add a second row. Parts are joined with NUL, which event
 * ids cannot contain, so ('a', 'bc') and ('ab', 'c') differ.
 * @example derivedId('posting', 'evt_1', '2', 'earn') === derivedId('posting', 'evt_1', '2', 'earn')
 */
export function derivedId(...parts: readonly string[]): string {
  const bytes = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  bytes[6] = 0x80 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
