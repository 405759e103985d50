import type { Page } from 'playwright-core';

/**
 * Chrome DevTools' "Slow 3G" preset (the same numbers as Puppeteer's `PredefinedNetworkConditions`):
 * 500 kbit/s × 0.8 each way, 400 ms × 5 of latency added to every request.
 */
export const SLOW_3G = {
  offline: false,
  downloadThroughput: ((500 * 1000) / 8) * 0.8,
  uploadThroughput: ((500 * 1000) / 8) * 0.8,
  latency: 400 * 5,
} as const;

/**
 * The conditions a run uses: Slow 3G, or its latency replaced by PLAZA_FIRST_LOAD_LATENCY_MS
 * (e.g. 400, the preset's latency before DevTools' ×5 allowance for the radio) for comparison.
 */
export function networkConditions():
  | typeof SLOW_3G
  | (Omit<typeof SLOW_3G, 'latency'> & { latency: number }) {
  const latency = Number(process.env.PLAZA_FIRST_LOAD_LATENCY_MS);
  return Number.isFinite(latency) && latency >= 0 ? { ...SLOW_3G, latency } : SLOW_3G;
}

/** A phone's CPU: four times slower than this machine's. */
export const CPU_SLOWDOWN = 4;

export interface LoadFigures {
  /** Milliseconds from navigation start. */
  firstPaint: number;
  firstContentfulPaint: number;
  /** When the skeleton was first in the document (the HTML's own, before any script). */
  skeleton: number;
  /** When the first note card was put into the document (the server's, on the home page). */
  firstCard: number;
  /** When the app's own grid showed its first card (it has taken the page over). */
  appCard: number;
  /** Compressed bytes of JavaScript fetched until the app's cards (Resource Timing's encoded sizes). */
  scriptBytes: number;
  scriptRequests: number;
  /** Every request until the app's cards: path, start and end (ms from navigation start). */
  waterfall: string[];
}

/**
 * Records, from the first byte of the document, when a skeleton and the first note card enter
 * the DOM: a MutationObserver installed before any page script (CDP's script-on-new-document,
 * which the page's CSP does not govern) notes `performance.now()` the moment each appears.
 */
async function watchForCards(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const marks: Record<string, number> = {};
    (window as unknown as { __plazaMarks: Record<string, number> }).__plazaMarks = marks;
    const check = () => {
      if (marks.skeleton === undefined && document.querySelector('.skeleton-grid'))
        marks.skeleton = performance.now();
      if (marks.firstCard === undefined && document.querySelector('.note-card'))
        marks.firstCard = performance.now();
      if (marks.appCard === undefined && document.querySelector('.masonry .note-card'))
        marks.appCard = performance.now();
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  });
}

/** Opens `url` on a throttled phone and returns its load figures once the app shows its cards. */
export async function measureFirstLoad(page: Page, url: string): Promise<LoadFigures> {
  await watchForCards(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', networkConditions());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.waitForFunction(
      () => (window as unknown as { __plazaMarks: { appCard?: number } }).__plazaMarks.appCard !== undefined,
      undefined,
      { timeout: 120_000, polling: 100 },
    );
    return await page.evaluate(() => {
      const paint = (name: string) =>
        performance.getEntriesByType('paint').find((entry) => entry.name === name)?.startTime ?? Number.NaN;
      const marks = (window as unknown as { __plazaMarks: Record<string, number> }).__plazaMarks;
      const firstCard = marks.firstCard ?? Number.NaN;
      const appCard = marks.appCard ?? Number.NaN;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
        (entry) => entry.initiatorType === 'script' || entry.name.endsWith('.js'),
      );
      const early = scripts.filter((entry) => entry.startTime < appCard);
      return {
        firstPaint: paint('first-paint'),
        firstContentfulPaint: paint('first-contentful-paint'),
        skeleton: marks.skeleton ?? Number.NaN,
        firstCard,
        appCard,
        scriptBytes: early.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
        scriptRequests: early.length,
        waterfall: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((entry) => entry.startTime < appCard)
          .map(
            (entry) =>
              `${new URL(entry.name).pathname} ${Math.round(entry.startTime)}–${Math.round(entry.responseEnd)} ms`,
          ),
      };
    });
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}
