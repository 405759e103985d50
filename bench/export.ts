import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureExportMemory } from '../test/support/export-memory.ts';

const MIB = 1024 * 1024;

/**
 * `npm run bench -- export [--mb 53] [--runs 3]`: the server's resident memory while one
 * account's export downloads (issue 10). Each run starts a fresh server on SQLite.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { mb: { type: 'string', default: '53' }, runs: { type: 'string', default: '3' } },
  });
  const megabytes = Number(values.mb);
  console.log(
    'run  originals  account MiB  archive MiB  baseline RSS MiB  peak RSS MiB  growth MiB  growth/account  download s',
  );
  for (let i = 1; i <= Number(values.runs); i += 1) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-bench-export-'));
    try {
      const f = await measureExportMemory(dir, megabytes);
      const cells = [
        String(i).padEnd(4),
        String(f.originals).padStart(9),
        (f.accountBytes / MIB).toFixed(1).padStart(11),
        (f.archiveBytes / MIB).toFixed(1).padStart(11),
        (f.baselineRssBytes / MIB).toFixed(0).padStart(16),
        (f.peakRssBytes / MIB).toFixed(0).padStart(12),
        (f.growthBytes / MIB).toFixed(1).padStart(10),
        `${((100 * f.growthBytes) / f.accountBytes).toFixed(0)}%`.padStart(14),
        (f.downloadMs / 1000).toFixed(2).padStart(10),
      ];
      console.log(cells.join('  '));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
}
