import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { tables } from '@plaza/kernel';
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { taipeiInstant } from '../calendar/taipei-date.ts';
import type { EventIngestor, EventOutcome, PreparedEvents } from '../contracts.ts';
import { type RewardsServices, rewardsProduct } from '../product.ts';
import { COLUMNS } from './columns.ts';
import { hashFile } from './file-hash.ts';
import { type ImportOptions, importSettlementFile } from './importer.ts';
import { createImportStore, type ImportTables } from './store.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-import-e2e-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Values = Partial<Record<(typeof COLUMNS)[number], string | number>>;

function csvLine(values: Values): string {
  return COLUMNS.map((c) => {
    const v = values[c] === undefined ? '' : String(values[c]);
    return /[",]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
  }).join(',');
}

function settlement(
  id: string,
  card: string,
  ntd: number,
  merchant: string,
  mcc: string,
  day: string,
): Values {
  return {
    id,
    type: 'settlement',
    card,
    amount: ntd * 100,
    currency: 'TWD',
    billed_amount_twd: ntd * 100,
    merchant_id: merchant,
    merchant_name: merchant === 'din-tai-fung' ? 'Din Tai Fung, 101' : merchant,
    merchant_mcc: mcc,
    merchant_country: 'TW',
    presence: 'in_person',
    transaction_at: `${day}T12:00:00+08:00`,
    settled_at: `${day}T23:00:00+08:00`,
  };
}

describe.each(testDatabases())('settlement-file import ($name)', (target) => {
  let server: TestServer;
  let services: RewardsServices;
  let holder: { token: string; id: string };
  let card: { id: string; token: string };
  let seq = 0;

  beforeAll(async () => {
    server = await createTestServer(target, [rewardsProduct({ onReady: (s) => (services = s) })]);
    server.clock.set(taipeiInstant('2026-03-01', '09:00'));
    const admin = await signUpForTest(server.app, 'bank_admin');
    await server.platform.auth.setRole(admin.id, 'admin');
    holder = await signUpForTest(server.app, 'file_holder');
    const issued = await server.app.inject({
      method: 'POST',
      url: '/api/rewards/v1/admin/cards',
      headers: bearer(admin.token),
      payload: { holderHandle: 'file_holder', last4: '4242', level: 2, birthMonth: null },
    });
    expect(issued.statusCode, issued.body).toBe(201);
    card = issued.json();
    const switched = await server.app.inject({
      method: 'PUT',
      url: `/api/rewards/v1/cards/${card.id}/plan`,
      headers: bearer(holder.token),
      payload: { planId: 'dining' },
    });
    expect(switched.statusCode, switched.body).toBe(200);
    server.clock.set(taipeiInstant('2026-03-20', '09:00'));
  });
  afterAll(async () => server?.close());

  const ingestor = (): EventIngestor => services.ingestor;
  const deps = (ingest: EventIngestor = ingestor()) => ({
    ingestor: ingest,
    store: createImportStore(tables<ImportTables>(server.platform)),
    clock: server.clock,
  });
  const run = (file: string, options: Partial<ImportOptions> = {}, ingest?: EventIngestor) =>
    importSettlementFile(deps(ingest), { file, reportFile: `${file}.report.csv`, ...options });

  function writeFile(lines: string[]): string {
    seq += 1;
    const file = path.join(dir, `${target.name}-${seq}.csv`);
    fs.writeFileSync(file, `\uFEFF${COLUMNS.join(',')}\r\n${lines.join('\r\n')}\r\n`);
    return file;
  }

  const report = (file: string) =>
    fs
      .readFileSync(`${file}.report.csv`, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',').slice(0, 3).join(','));

  async function points(): Promise<{ pending: number; available: number }> {
    const response = await server.app.inject({
      url: `/api/rewards/v1/cards/${card.id}/points`,
      headers: bearer(holder.token),
    });
    expect(response.statusCode, response.body).toBe(200);
    const { pending, available } = response.json();
    return { pending, available };
  }

  const postings = async () =>
    Number(
      (
        await sql<{ n: number }>`select count(*) as n from rewards_postings`.execute(
          server.platform.database.db,
        )
      ).rows[0]?.n,
    );

  /** Lines 2–9: four good events, a refund, and one bad line of each kind the file can hold. */
  function mixedFile(prefix: string): string {
    const good = (n: number, ntd: number) =>
      csvLine(settlement(`${prefix}-${n}`, card.token, ntd, 'din-tai-fung', '5812', '2026-03-10'));
    return writeFile([
      good(1, 1000),
      'this is not, a settlement line',
      good(2, 3000),
      csvLine({ ...settlement(`${prefix}-bad-mcc`, card.token, 500, 'x', '58A2', '2026-03-10') }),
      csvLine(settlement(`${prefix}-nobody`, 'tok_no_such_card', 800, 'pxmart', '5411', '2026-03-11')),
      good(3, 250),
      csvLine({
        id: `${prefix}-r1`,
        type: 'refund',
        card: card.token,
        amount: 100000,
        currency: 'TWD',
        billed_amount_twd: 100000,
        merchant_id: 'din-tai-fung',
        merchant_name: 'Din Tai Fung, 101',
        merchant_mcc: '5812',
        merchant_country: 'TW',
        transaction_at: '2026-03-12T10:00:00+08:00',
        settled_at: '2026-03-12T23:00:00+08:00',
        original_event_id: `${prefix}-2`,
      }),
      '',
      good(4, 1500),
    ]);
  }

  it('applies the good lines, reports the bad ones with their line, code and column, and goes on', async () => {
    const before = await points();
    const file = mixedFile('e2e');
    const summary = await run(file, { batchSize: 3 });
    expect(summary).toMatchObject({
      outcome: 'imported',
      resumedAfterLine: null,
      lines: 9,
      events: 6,
      applied: 5,
      duplicate: 0,
      held: 0,
      rejected: 1,
      invalid: 2,
      problems: 3,
    });
    expect(report(file)).toEqual([
      '3,,wrong_field_count',
      '5,e2e-bad-mcc,invalid_value',
      '6,e2e-nobody,unknown_card',
    ]);
    expect(fs.readFileSync(`${file}.report.csv`, 'utf8')).toContain(',merchant_mcc\n');
    // Dining at Level 2 (3% = 0.3% + 2.7%, the transaction's total half-up once): NT$1,000 → 30;
    // NT$3,000 → 90 less the third refunded → 60; NT$250 → 7.5 → 8; NT$1,500 → 4.5 + 40.5 = 45.
    const after = await points();
    expect(after.pending + after.available - (before.pending + before.available)).toBe(30 + 60 + 8 + 45);
  });

  it('a re-run of a finished file applies nothing: answered from its record, or read again with --rescan', async () => {
    const file = mixedFile('again');
    const first = await run(file);
    const ledger = { points: await points(), postings: await postings() };
    // Same content under another name: the same file.
    const copy = path.join(dir, `${target.name}-copy.csv`);
    fs.copyFileSync(file, copy);
    const again = await run(copy);
    expect(again).toMatchObject({ outcome: 'already_imported', applied: first.applied, rejected: 1 });
    const rescan = await run(file, { rescan: true });
    expect(rescan).toMatchObject({
      outcome: 'imported',
      events: 6,
      applied: 0,
      duplicate: 5,
      rejected: 1,
      invalid: 2,
    });
    expect(report(file)).toHaveLength(3);
    expect({ points: await points(), postings: await postings() }).toEqual(ledger);
  });

  it('resumes after the last committed batch, even when the batch in flight had committed', async () => {
    const before = await points();
    const amounts = Array.from({ length: 20 }, (_, i) => 100 + i * 10);
    const file = writeFile(
      amounts.map((ntd, i) =>
        i === 7
          ? 'garbage "line'
          : csvLine(settlement(`resume-${i}`, card.token, ntd, 'din-tai-fung', '5812', '2026-03-15')),
      ),
    );
    const real = ingestor();
    let calls = 0;
    // The database goes away after the third batch committed, before its checkpoint was written.
    const failing: EventIngestor = {
      ...real,
      async apply(prepared: PreparedEvents): Promise<EventOutcome[]> {
        calls += 1;
        const outcomes = await real.apply(prepared);
        if (calls === 3) throw new Error('connection terminated');
        return outcomes;
      },
    };
    await expect(run(file, { batchSize: 4 }, failing)).rejects.toThrow('connection terminated');
    const record = await createImportStore(tables<ImportTables>(server.platform)).find(await hashFile(file));
    // Lines 2–9 committed in two batches (line 9 the garbage); lines 10–13 were applied unrecorded.
    expect(record).toMatchObject({ status: 'running', line_number: 9, events: 7, applied: 7, invalid: 1 });

    const resumed = await run(file, { batchSize: 4 });
    expect(resumed).toMatchObject({
      outcome: 'imported',
      resumedAfterLine: 9,
      lines: 20,
      events: 19,
      applied: 15,
      duplicate: 4,
      invalid: 1,
    });
    expect(report(file)).toEqual(['9,,bad_quote']);
    // Every event counted once: dining at Level 2 on MCC 5812 is 0.3% + 2.7%, each line half-up.
    const halfUp = (ntd: number, bps: number) => Math.floor((ntd * bps + 5_000) / 10_000);
    const expected = amounts
      .filter((_, i) => i !== 7)
      .reduce((sum, a) => sum + halfUp(a, 30) + halfUp(a, 270), 0);
    const after = await points();
    expect(after.pending + after.available - (before.pending + before.available)).toBe(expected);
  });
});
