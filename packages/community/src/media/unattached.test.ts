import { tables } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { createTestNote, testMediaEnv, uploadTestImage } from '../test-helpers.ts';
import { createMediaStore, type MediaTables } from './store.ts';

const HOUR_MS = 3_600_000;

describe.each(testDatabases())('uploads nobody uses on $name', (target) => {
  let server: TestServer;
  let modules: CommunityModules;
  let token: string;
  let ownerId: string;

  beforeAll(async () => {
    server = await createTestServer(
      target,
      [
        communityProduct((m) => {
          modules = m;
        }),
      ],
      testMediaEnv(),
    );
    ({ token, id: ownerId } = await signUpForTest(server.app, 'sweeper'));
  });
  afterAll(async () => {
    vi.useRealTimers();
    await server.close();
  });

  const fileStatuses = async (id: string) => {
    const urls = Object.values((await modules.media.imagesByIds([id])).get(id)?.urls ?? {});
    const statuses = [];
    for (const url of urls) statuses.push((await server.app.inject({ method: 'GET', url })).statusCode);
    return statuses;
  };
  const exists = async (id: string) => (await modules.media.imagesByIds([id])).has(id);

  it('deletes an upload left unused for a day, row and files, and keeps used and younger ones', async () => {
    const unused = await uploadTestImage(server.app, token);
    const unusedUrls = Object.values((await modules.media.imagesByIds([unused])).get(unused)!.urls);
    const inNote = await uploadTestImage(server.app, token);
    await createTestNote(server.app, token, { mediaIds: [inNote] });
    const inDraft = await uploadTestImage(server.app, token);
    await createTestNote(server.app, token, { mediaIds: [inDraft], status: 'draft' });
    const avatar = await uploadTestImage(server.app, token);
    const patched = await server.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      payload: { avatarMediaId: avatar },
      headers: bearer(token),
    });
    expect(patched.statusCode).toBe(200);

    server.clock.advance(24 * HOUR_MS + 1);
    const young = await uploadTestImage(server.app, token);
    expect(await modules.media.sweepUnattached()).toBe(1);

    expect(await exists(unused)).toBe(false);
    for (const url of unusedUrls)
      expect((await server.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    for (const kept of [inNote, inDraft, avatar, young]) {
      expect(await exists(kept)).toBe(true);
      expect(await fileStatuses(kept)).toEqual([200, 200, 200]);
    }
    expect(await modules.media.sweepUnattached()).toBe(0);
  });

  it('keeps an upload claimed between the sweep listing it and deleting it', async () => {
    const store = createMediaStore(tables<MediaTables>(server.platform));
    const id = await uploadTestImage(server.app, token);
    server.clock.advance(25 * HOUR_MS);
    const beforeMs = server.clock.nowMs() - 24 * HOUR_MS;
    const listed = await store.unattachedBefore(beforeMs, 100);
    expect(listed.map((r) => r.id)).toContain(id);
    await modules.media.claimForOwner(ownerId, [id]);
    expect(await store.deleteUnattached([id], beforeMs)).toEqual([]);
    expect(await exists(id)).toBe(true);
  });

  it('does not mark another account’s upload as used when a claim names it', async () => {
    server.clock.advance(25 * HOUR_MS);
    await modules.media.sweepUnattached(); // what earlier tests left
    const other = await signUpForTest(server.app, 'not_the_owner');
    const theirs = await uploadTestImage(server.app, other.token);
    await expect(modules.media.claimForOwner(ownerId, [theirs])).rejects.toMatchObject({
      code: 'media_not_owned',
    });
    server.clock.advance(25 * HOUR_MS);
    expect(await modules.media.sweepUnattached()).toBe(1);
    expect(await exists(theirs)).toBe(false);
  });

  it('sweeps on a timer once the server listens', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const id = await uploadTestImage(server.app, token);
    server.clock.advance(25 * HOUR_MS);
    vi.advanceTimersByTime(60 * 60_000);
    await vi.waitFor(async () => expect(await exists(id)).toBe(false));
  });
});
