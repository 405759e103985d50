/**
 * The first visit on a phone: what reaches the browser (compressed, cacheable files, icons, a
 * manifest, a skeleton in the HTML, a small first download) and how fast the feed shows on a
 * simulated slow 3G phone. Timings are printed for docs/benchmarks.md, never asserted: the
 * machine is shared.
 */
import os from 'node:os';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { PHONE } from './support/browser.ts';
import { browserForFile } from './support/pages.ts';
import { seedDemoNotes } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';
import { CPU_SLOWDOWN, measureFirstLoad, SLOW_3G } from './support/slow-phone.ts';

// The discover feed re-ranks every 2 minutes of server time (feed/snapshots.ts).
const DISCOVER_REFRESH_MS = 121_000;
const RUNS = Number(process.env.PLAZA_FIRST_LOAD_RUNS ?? 3);

let plaza: RunningPlaza;
const pages = browserForFile();

beforeAll(async () => {
  plaza = await startPlaza();
  await seedDemoNotes(plaza.baseUrl);
  plaza.clock.advance(DISCOVER_REFRESH_MS);
}, 240_000);

afterAll(async () => {
  await plaza?.close();
});

const ms = (value: number) => `${Math.round(value)} ms`;

describe('the first visit on a slow phone', () => {
  it('prints first paint, first card and the JavaScript it took', { timeout: 600_000 }, async () => {
    const rows: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const page = await pages().open({ ...PHONE, locale: 'zh-TW' });
      const figures = await measureFirstLoad(page, `${plaza.baseUrl}/`);
      rows.push(
        `run ${run}: first paint ${ms(figures.firstPaint)}, first contentful paint ${ms(figures.firstContentfulPaint)}, ` +
          `skeleton ${ms(figures.skeleton)}, first card ${ms(figures.firstCard)}, ` +
          `JS ${(figures.scriptBytes / 1000).toFixed(1)} kB in ${figures.scriptRequests} requests`,
      );
      if (run === 1) rows.push(...figures.waterfall.map((line) => `  ${line}`));
      await page.context().close();
    }
    console.log(
      [
        `first load, Slow 3G (${SLOW_3G.latency} ms, ${SLOW_3G.downloadThroughput} B/s), CPU ÷${CPU_SLOWDOWN}`,
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}, ${os.cpus().length} × ${os.cpus()[0]?.model}`,
        ...rows,
      ].join('\n'),
    );
  });
});
