import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from './clock.ts';

/**
 * Time-ordered ids in the UUIDv7 layout (RFC 9562): 48-bit millisecond timestamp, then a
 * counter seeded randomly each millisecond so ids made in the same millisecond still sort
 * in creation order within a process. Sorting ids as strings sorts them by creation time,
 * which cursor pagination relies on.
 */
export interface IdGenerator {
  next(): string;
}

export function createIdGenerator(clock: Clock): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return {
    next() {
      let ms = clock.nowMs();
      if (ms <= lastMs) {
        ms = lastMs;
        counter += 1;
        if (counter > 0xfff) {
          ms = lastMs + 1;
          counter = randomBytes(2).readUInt16BE() & 0x7ff;
        }
      } else {
        counter = randomBytes(2).readUInt16BE() & 0x7ff;
      }
      lastMs = ms;
      return formatUuidV7(ms, counter);
    },
  };
}

/**
 * An id in the same layout whose every bit but the time comes from `seed` and `label`: the
 * same inputs always give the same id. A retried request derives its new rows' ids this way,
 * so a write that committed before its process died is found again instead of written twice.
 * @example derivedId(seed, claimedAtMs, 'note') === derivedId(seed, claimedAtMs, 'note') // true
 */
export function derivedId(seed: string, ms: number, label: string): string {
  const bytes = createHash('sha256').update(`${seed}\n${label}`).digest().subarray(0, 16);
  return formatBytes(bytes, ms, bytes.readUInt16BE(6) & 0xfff);
}

function formatUuidV7(ms: number, counter: number): string {
  return formatBytes(randomBytes(16), ms, counter);
}

function formatBytes(bytes: Buffer, ms: number, counter: number): string {
  bytes.writeUIntBE(ms, 0, 6);
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** True when the string has the shape of an id this generator makes. */
export function isId(value: string): boolean {
  return UUID_RE.test(value);
}
