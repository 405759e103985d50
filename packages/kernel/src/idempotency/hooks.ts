import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '../clock.ts';
import { ConflictError, PlazaError, ValidationError } from '../errors.ts';
import type { PlazaApp } from '../http/app.ts';
import { derivedId } from '../ids.ts';
import type { IdempotencyStore } from './store.ts';

/** How long a key is remembered: long enough for any client's retries, short enough to stay small. */
export const IDEMPOTENCY_WINDOW_MS = 24 * 3_600_000;
const HEADER = 'idempotency-key';

/**
 * A claim with no answer older than `abandonedClaimMs` belongs to a process that died
 * mid-request, so the retry may run. If that process had committed its write in the instant
 * before dying, the retry finds it again when the write names its new rows with
 * `idempotentId` (same key, same first claim, same id); a write that does not would run twice.
 */
function isExpired(row: { created_at: number }, nowMs: number): boolean {
  return nowMs - row.created_at > IDEMPOTENCY_WINDOW_MS;
}
function isAbandoned(
  row: { created_at: number; status_code: number | null },
  nowMs: number,
  abandonedClaimMs: number,
): boolean {
  return row.status_code === null && nowMs - row.created_at > abandonedClaimMs;
}
/** Answers that say nothing about the request itself: they free the key for the retry. */
function isTransient(statusCode: number): boolean {
  return statusCode >= 500 || statusCode === 429;
}
const KEY_RE = /^[\x21-\x7e]{1,200}$/;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: string | null;
    /** What a retry of this request has in common with its first run: account, key, first claim. */
    idempotencyOrigin: { seed: string; firstClaimedAtMs: number } | null;
  }
}

function originOf(accountId: string, key: string, firstClaimedAtMs: number) {
  const seed = createHash('sha256').update(`${accountId}\n${key}\n${firstClaimedAtMs}`).digest('hex');
  return { seed, firstClaimedAtMs };
}

/**
 * The id of a row this request creates: derived from its Idempotency-Key when it has one, so
 * a retry after a crash names the same row (and finds it) instead of writing a second one;
 * undefined without a key (the service makes a fresh id).
 */
export function idempotentId(request: FastifyRequest, label: string): string | undefined {
  const origin = request.idempotencyOrigin;
  return origin ? derivedId(origin.seed, origin.firstClaimedAtMs, label) : undefined;
}

function requestHash(request: FastifyRequest): string {
  const body = Buffer.isBuffer(request.body)
    ? request.body.toString('base64')
    : JSON.stringify(request.body ?? null);
  return createHash('sha256').update(`${request.method} ${request.url}\n${body}`).digest('hex');
}

/**
 * `Idempotency-Key` on any signed-in write: the first request's answer is stored and a retry
 * with the same key and the same request gets that answer again (marked
 * `Idempotent-Replayed: true`) without running twice. A key reused for a different request
 * is refused; a retry while the first is still running gets 409. Keys are per account.
 *
 * Which answers a key keeps (Stripe's rule): every answer that says something about the
 * request itself, 4xx included: a body refused by its schema, a rule the service refused
 * (the key is claimed before validation, so both are kept alike, and a corrected request needs
 * a new key). A 5xx or a 429 says nothing about the request, so it frees the key and the retry
 * runs. A body that cannot be parsed (malformed JSON, invalid UTF-8) is refused before the key
 * is looked at: there is no request to remember.
 */
export function registerIdempotency(
  app: PlazaApp,
  store: IdempotencyStore,
  clock: Clock,
  abandonedClaimMs: number,
): void {
  app.decorateRequest('idempotencyKey', null);
  app.decorateRequest('idempotencyOrigin', null);
  app.addHook('preValidation', async (request, reply) => {
    const key = request.headers[HEADER];
    if (typeof key !== 'string' || !WRITE_METHODS.has(request.method) || !request.viewer) return;
    if (!KEY_RE.test(key))
      throw new ValidationError('Idempotency-Key must be 1–200 visible ASCII characters.', [
        { field: 'header:idempotency-key', code: 'invalid', message: 'is invalid' },
      ]);
    const accountId = request.viewer.accountId;
    const hash = requestHash(request);
    const claimed = (firstClaimedAtMs: number) => {
      request.idempotencyKey = key;
      request.idempotencyOrigin = originOf(accountId, key, firstClaimedAtMs);
    };
    const nowMs = clock.nowMs();
    if (await store.claim(accountId, key, hash, nowMs)) return claimed(nowMs);
    const existing = await store.find(accountId, key);
    if (!existing) return;
    if (isExpired(existing, nowMs)) {
      await store.release(accountId, key);
      if (await store.claim(accountId, key, hash, nowMs)) claimed(nowMs);
      return;
    }
    if (existing.request_hash === hash && isAbandoned(existing, nowMs, abandonedClaimMs)) {
      if (await store.takeOver(accountId, key, existing.created_at, nowMs))
        return claimed(existing.first_claimed_at ?? existing.created_at);
      throw new ConflictError(
        'Another retry with this Idempotency-Key is running.',
        'idempotency_in_progress',
      );
    }
    if (existing.request_hash !== hash) {
      throw new PlazaError(
        'idempotency_key_reused',
        'This Idempotency-Key was used for a different request.',
        422,
      );
    }
    if (existing.status_code === null)
      throw new ConflictError(
        'The first request with this Idempotency-Key is still running.',
        'idempotency_in_progress',
      );
    await replay(reply, existing.status_code, existing.content_type, existing.response_body ?? '');
    return reply;
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const key = request.idempotencyKey;
    if (!key || !request.viewer) return payload;
    if (isTransient(reply.statusCode)) await store.release(request.viewer.accountId, key);
    else if (typeof payload === 'string' || payload === null || payload === undefined) {
      const contentType = reply.getHeader('content-type');
      await store.complete(
        request.viewer.accountId,
        key,
        reply.statusCode,
        typeof contentType === 'string' ? contentType : null,
        payload ?? '',
      );
    } else {
      // Streams (file downloads) are not stored; release so the key does not stay claimed.
      await store.release(request.viewer.accountId, key);
    }
    return payload;
  });
}

async function replay(
  reply: FastifyReply,
  status: number,
  contentType: string | null,
  body: string,
): Promise<void> {
  reply.status(status).header('idempotent-replayed', 'true');
  if (contentType) reply.type(contentType);
  await reply.send(body === '' ? null : body);
}

/** Deletes expired keys every hour; the timer never keeps the process alive. */
export function scheduleIdempotencyCleanup(store: IdempotencyStore, clock: Clock): () => void {
  const timer = setInterval(
    () => void store.deleteOlderThan(clock.nowMs() - IDEMPOTENCY_WINDOW_MS).catch(() => undefined),
    3_600_000,
  );
  timer.unref();
  return () => clearInterval(timer);
}
