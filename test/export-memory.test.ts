import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readZip } from '@plaza/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { measureExportMemory } from './support/export-memory.ts';

const MIB = 1024 * 1024;
// Large enough that an archive built in memory (the account's bytes at least once) could not
// hide under the bound below.
const ACCOUNT_MIB = 100;

/**
 * Issue 10: one account's export must not hold the account in memory. A Plaza process of its
 * own serves the download, after one export of an account a quarter the size; its peak resident
 * memory (VmHWM, reset just before) is compared with its resident memory before. Before the
 * streaming archive, 54 MiB of originals raised it by 372 MiB. Streamed, the rise is 10-20 MiB
 * whatever the account's size (buffers waiting for V8 to collect them), far below the account.
 */
describe('memory of an account export', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-export-memory-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it(`serves ${ACCOUNT_MIB} MiB of originals with server memory growth below a quarter of that`, async () => {
    const figures = await measureExportMemory(dir, ACCOUNT_MIB);
    expect(figures.accountBytes).toBeGreaterThanOrEqual(ACCOUNT_MIB * MIB);
    const growthMib = (figures.growthBytes / MIB).toFixed(1);
    expect(figures.growthBytes, `growth ${growthMib} MiB`).toBeLessThan(figures.accountBytes / 4);

    // The archive is whole: every original in it, byte for byte (account-export.test.ts checks
    // that a download writes no temp file).
    const entries = await readZip(fs.readFileSync(figures.archivePath));
    for (const [id, image] of figures.imagesById) {
      expect(entries.get(`media/originals/${id}.jpg`)?.equals(image), id).toBe(true);
    }
  }, 120_000);
});
