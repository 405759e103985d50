import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createAccountExports, tables } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downloadExport } from '../packages/community/src/accounts/export-test-support.ts';
import { communityProduct } from '../packages/community/src/index.ts';
import { testMediaEnv, uploadTestImage } from '../packages/community/src/test-helpers.ts';
import { taipeiInstant } from '../packages/rewards/src/calendar/taipei-date.ts';
import { ev, MERCHANTS } from '../packages/rewards/src/lifecycle/test-support.ts';
import { type RewardsServices, rewardsProduct } from '../packages/rewards/src/product.ts';
import { noisyJpeg, seedOriginals } from './support/large-account.ts';

/** Every file under `dir`, relative, sorted: what a download must not add to. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => fs.statSync(path.join(dir, f)).isFile())
    .sort();
}

/** Files this process holds open under `dir`: a stopped export must close what it was reading. */
function openFilesUnder(dir: string): string[] {
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(dir));
}

/** Opens a real HTTP download and resolves at its first body bytes, leaving the rest unread. */
function startDownload(url: string, token: string): Promise<{ status: number; stop(): void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: bearer(token) }, (res) => {
      res.pause();
      res.once('readable', () =>
        resolve({
          status: res.statusCode ?? 0,
          stop: () => {
            req.destroy();
          },
        }),
      );
    });
    req.on('error', (err) => {
      if ((err as NodeJS.ErrnoException).code !== 'ECONNRESET') reject(err);
    });
  });
}

describe.each(testDatabases())('account export archive on $name', (target) => {
  let server: TestServer;
  let rewards: RewardsServices | undefined;
  let admin: { token: string; id: string };
  let baseUrl: string;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-export-tmp-'));
  const failOnce = new Set<string>();

  beforeAll(async () => {
    // The products wired as `allProducts` wires them: one export list shared by both.
    const accountExports = createAccountExports();
    // Fails once, after the other parts were written, for the accounts a test names.
    accountExports.add({
      name: 'test-fault',
      async write(accountId) {
        if (failOnce.delete(accountId)) throw new Error('a contributor failed mid-archive');
      },
    });
    server = await createTestServer(
      target,
      [
        communityProduct(undefined, { accountExports }),
        rewardsProduct({ accountExports, programRefreshMs: 0, onReady: (s) => (rewards = s) }),
      ],
      {
        PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
        PLAZA_SESSION_TTL_DAYS: '3650',
        ...testMediaEnv(),
        // With Redis the one-export-at-a-time lease is the cross-process one.
        ...(process.env.PLAZA_TEST_REDIS_URL ? { PLAZA_REDIS_URL: process.env.PLAZA_TEST_REDIS_URL } : {}),
      },
    );
    server.clock.set(taipeiInstant('2024-01-02', '09:00'));
    admin = await signUpForTest(server.app, 'export_admin');
    await server.platform.auth.setRole(admin.id, 'admin');
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(server.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function issueCard(holderHandle: string): Promise<{ id: string; token: string }> {
    const res = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin.token),
      payload: { holderHandle, last4: '4242', level: 2, birthMonth: null },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  }

  it('holds Community JSON Lines, byte-identical originals and the cardholder’s Rewards part', async () => {
    const holder = await signUpForTest(server.app, 'card_holder');
    const images = [
      await uploadTestImage(server.app, holder.token),
      await uploadTestImage(server.app, holder.token),
    ];
    const card = await issueCard('card_holder');
    server.clock.set(taipeiInstant('2024-02-01', '08:00'));
    await rewards!.selections.switchPlan(card.id, 'dining', server.clock.nowMs());
    const settled = await rewards!.ingestor.ingest([
      ev.settlement('exp-s1', {
        card: card.token,
        on: '2024-02-15',
        at: '18:00',
        ntd: 3000,
        merchant: MERCHANTS.skm,
      }),
    ]);
    expect(settled[0]).toMatchObject({ status: 'applied' });

    const { res, entries, json, lines } = await downloadExport(server.app, holder.token);
    expect(res.statusCode).toBe(200);
    expect(json('account.json')).toMatchObject({ format: 'plaza-export/2', account: { id: holder.id } });
    for (const id of images) {
      const original = await server.app.inject({ method: 'GET', url: `/media/${id}/original.jpg` });
      expect(entries.get(`media/originals/${id}.jpg`)?.equals(original.rawPayload), id).toBe(true);
    }

    const cards = lines('rewards/cards.jsonl');
    expect(cards).toEqual([
      {
        id: card.id,
        token: card.token,
        last4: '4242',
        primaryCardId: null,
        level: 2,
        birthMonth: null,
        createdAt: expect.any(Number),
      },
    ]);
    expect(lines('rewards/plan-selections.jsonl')).toEqual([
      expect.objectContaining({ cardId: card.id, planId: 'dining', taipeiDate: '2024-02-01' }),
    ]);
    const [purchase] = lines('rewards/transactions.jsonl');
    expect(purchase).toMatchObject({ cardId: card.id, events: [expect.objectContaining({ id: 'exp-s1' })] });
    expect(purchase.lines.length).toBeGreaterThan(0);
    for (const line of purchase.lines) expect(line.explanation).toEqual(expect.any(String));
    const earned = purchase.lines.reduce((sum: number, l: { points: number }) => sum + l.points, 0);
    expect(earned).toBe(settled[0]!.points);
    expect(lines('rewards/balances.jsonl')).toEqual([
      expect.objectContaining({ cardId: card.id, pending: earned, available: 0 }),
    ]);
    const postings = lines('rewards/postings.jsonl');
    expect(postings.length).toBeGreaterThan(0);
    expect(postings.every((p) => p.cardId === card.id && p.transactionId === purchase.id)).toBe(true);

    // Someone else's archive has a Rewards folder with no cards in it, and none of the holder's rows.
    const other = await signUpForTest(server.app, 'no_card');
    const theirs = await downloadExport(server.app, other.token);
    expect(theirs.lines('rewards/cards.jsonl')).toEqual([]);
    expect([...theirs.entries.values()].join('')).not.toContain(card.token);
  });

  it('refuses a second export of the same account while the first downloads; a disconnect frees it and leaves no files', async () => {
    const owner = await signUpForTest(server.app, 'big_exporter');
    const image = await noisyJpeg();
    // About 22 MB: far more than the socket and stream buffers, so the first download
    // stays open while nobody reads it.
    await seedOriginals(tables(server.platform), server.platform.config.mediaDir, owner.id, [image], 12);
    const before = { data: filesUnder(server.platform.config.dataDir), tmp: filesUnder(tmp) };
    const tmpdirWas = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const first = await startDownload(`${baseUrl}/api/v1/me/export`, owner.token);
      expect(first.status).toBe(200);
      const second = await server.app.inject({
        method: 'GET',
        url: '/api/v1/me/export',
        headers: bearer(owner.token),
      });
      expect(second.statusCode).toBe(409);
      expect(second.headers['content-type']).toContain('application/problem+json');
      expect(second.json()).toMatchObject({ code: 'export_in_progress', status: 409 });
      expect(Number(second.headers['retry-after'])).toBeGreaterThan(0);
      // Another account is not held up by it.
      const other = await signUpForTest(server.app, 'small_exporter');
      expect((await downloadExport(server.app, other.token)).res.statusCode).toBe(200);

      first.stop();
      // The server learns of the disconnect asynchronously: ask until it has (bounded, no clock).
      let again = await downloadExport(server.app, owner.token);
      for (let i = 0; i < 100 && again.res.statusCode === 409; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        again = await downloadExport(server.app, owner.token);
      }
      expect(again.res.statusCode).toBe(200);
      // The abandoned archive stopped reading: no original is still open.
      expect(openFilesUnder(server.platform.config.mediaDir)).toEqual([]);
      expect(again.lines('media/media.jsonl')).toHaveLength(12);
      expect(again.entries.get(`media/${again.lines('media/media.jsonl')[0].file}`)?.equals(image)).toBe(
        true,
      );
    } finally {
      // Assigning undefined would store the string 'undefined'.
      if (tmpdirWas === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmpdirWas;
    }
    expect(filesUnder(server.platform.config.dataDir)).toEqual(before.data);
    expect(filesUnder(tmp)).toEqual(before.tmp);
  });

  it('breaks the download when a part fails, instead of ending a zip that looks whole, and frees the account', async () => {
    const owner = await signUpForTest(server.app, 'failing_export');
    await uploadTestImage(server.app, owner.token);
    failOnce.add(owner.id);
    const broken = await fetch(`${baseUrl}/api/v1/me/export`, { headers: bearer(owner.token) });
    expect(broken.status).toBe(200);
    await expect(broken.arrayBuffer()).rejects.toThrow();
    // Closed by the server: the next export of the account starts at once, and is whole.
    const again = await downloadExport(server.app, owner.token);
    expect(again.res.statusCode).toBe(200);
    expect(again.lines('media/media.jsonl')).toHaveLength(1);
  });
});
