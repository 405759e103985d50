/**
 * The first visit on a phone: what reaches the browser (compressed, cacheable files, icons, a
 * manifest, a skeleton in the HTML, a small first download) and how fast the feed shows on a
 * simulated slow 3G phone. Timings are printed for docs/benchmarks.md, never asserted: the
 * machine is shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { DIST_DIR } from './support/build.ts';
import { firstLoadScripts } from './support/first-load.ts';
import { browserForFile } from './support/pages.ts';
import { NOTES, seedDemoNotes } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';
import { CPU_SLOWDOWN, measureFirstLoad, networkConditions } from './support/slow-phone.ts';

// The discover feed re-ranks every 2 minutes of server time (feed/snapshots.ts).
const DISCOVER_REFRESH_MS = 121_000;
const RUNS = Number(process.env.PLAZA_FIRST_LOAD_RUNS ?? 3);
/** The demo notes, all on the discover feed's first page (20). */
const NOTE_COUNT = Math.min(NOTES.length, 20);

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

/** Brotli-compressed bytes of script a first visit may download before the app runs. */
const FIRST_LOAD_BUDGET = 120_000;
const YEAR = 'public, max-age=31536000, immutable';

const get = (url: string, headers: Record<string, string> = {}) =>
  plaza.app.inject({ method: 'GET', url, headers });

/** A PNG's width and height, from its IHDR chunk. */
function pngSize(data: Buffer): [number, number] {
  expect(data.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

const ms = (value: number) => `${Math.round(value)} ms`;

describe('what a first visit downloads', () => {
  it('loads at most 120 kB of compressed script, none of it a page opened later', () => {
    const files = firstLoadScripts();
    const brotli = files.reduce((sum, file) => sum + file.brotli, 0);
    const gzip = files.reduce((sum, file) => sum + file.gzip, 0);
    console.log(
      `first-load JavaScript: ${files.length} files, ${brotli} B brotli, ${gzip} B gzip\n` +
        files
          .map((file) => `  ${file.file} ${file.bytes} B, ${file.brotli} B br, ${file.gzip} B gz`)
          .join('\n'),
    );
    expect(brotli).toBeGreaterThan(0);
    expect(brotli).toBeLessThanOrEqual(FIRST_LOAD_BUDGET);
    // The card app, the console and every page but the feed arrive when opened (React.lazy).
    const names = files.map((file) => path.basename(file.file).replace(/-[\w-]{8}\.js$/, ''));
    for (const later of ['screens', 'compose', 'settings', 'note', 'profile', 'search', 'vendor-opencc'])
      expect(names).not.toContain(later);
  });

  it('serves hashed assets precompressed and cached for a year', async () => {
    const [entry] = firstLoadScripts();
    const url = `/${entry!.file}`;
    const raw = fs.readFileSync(path.join(DIST_DIR, entry!.file));
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe(YEAR);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['content-security-policy']).toContain("script-src 'self'");
    expect(brotliDecompressSync(br.rawPayload).equals(raw)).toBe(true);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).equals(raw)).toBe(true);
    const plain = await get(url, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(raw)).toBe(true);
    // The compressed copies are not files of their own.
    expect((await get(`${url}.br`)).statusCode).toBe(404);
  });

  it('serves index.html to be revalidated, with the skeleton, icons and manifest in it', async () => {
    for (const url of ['/', '/index.html', '/notes/whatever']) {
      const page = await get(url, { 'accept-encoding': 'gzip, br' });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-security-policy'], url).toContain("default-src 'self'");
    }
    const html = (await get('/notes/whatever')).body;
    expect(html).toContain('class="skeleton-grid"');
    expect(html.match(/class="skeleton-card"/g)?.length).toBeGreaterThanOrEqual(6);
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest"');
    expect(html).toContain('<link rel="apple-touch-icon" href="/apple-touch-icon.png"');
    expect(html).toContain('href="/favicon.ico"');
    expect(html).toContain('<link rel="preload" href="/api/v1/feed/discover"');
    // The home page has the first discover cards instead of the grid's outline, and their data.
    const home = (await get('/')).body;
    const homeBr = (await get('/', { 'accept-encoding': 'br' })).rawPayload.length;
    const plainBr = (await get('/notes/whatever', { 'accept-encoding': 'br' })).rawPayload.length;
    console.log(
      `index.html: home page with its first cards ${Buffer.byteLength(home)} B, ${homeBr} B brotli; ` +
        `other pages ${Buffer.byteLength(html)} B, ${plainBr} B brotli`,
    );
    expect(home.match(/<article class="note-card">/g)?.length).toBe(NOTE_COUNT);
    expect(home).not.toContain('class="skeleton-card"');
    expect(home).not.toContain('rel="preload"');
    for (const page of [html, home]) {
      // The CSP runs no inline script (a JSON block is data, never run) and applies no style attribute.
      expect(page).not.toMatch(/<script(?![^>]*\b(src=|type="application\/json"))[^>]*>/);
      expect(page).not.toMatch(/\sstyle=/);
    }
  });

  it('has a favicon, app icons of the sizes phones ask for, and a manifest naming them', async () => {
    const favicon = await get('/favicon.ico');
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['content-type']).toBe('image/vnd.microsoft.icon');
    expect(favicon.rawPayload.readUInt16LE(2)).toBe(1); // an icon resource
    const manifestReply = await get('/manifest.webmanifest');
    expect(manifestReply.headers['content-type']).toMatch(/^application\/manifest\+json/);
    const manifest = manifestReply.json<{
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; type: string }[];
    }>();
    expect(manifest).toMatchObject({
      name: 'Plaza',
      short_name: 'Plaza',
      start_url: '/',
      display: 'standalone',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    const pngs = [
      ...manifest.icons.filter((icon) => icon.type === 'image/png'),
      { src: '/apple-touch-icon.png', sizes: '180x180' },
    ];
    expect(pngs.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512', '180x180']));
    for (const icon of pngs) {
      const reply = await get(icon.src);
      expect(reply.statusCode, icon.src).toBe(200);
      expect(reply.headers['content-type'], icon.src).toBe('image/png');
      expect(pngSize(reply.rawPayload).join('x'), icon.src).toBe(icon.sizes);
    }
  });
});

/** Where each card stands on the page, by the note it links to. */
function cardPlaces(page: Page): Promise<{ href: string; x: number; y: number }[]> {
  return page.locator('.note-card').evaluateAll((cards) =>
    cards.map((card) => {
      const box = card.getBoundingClientRect();
      return { href: card.querySelector('a')?.getAttribute('href') ?? '', x: box.x, y: box.y };
    }),
  );
}

describe('the first screen', () => {
  it('shows the skeleton of the grid with scripts off on a page without a first screen', async () => {
    const noScript = await pages().open({ ...PHONE, javaScriptEnabled: false });
    await noScript.goto(`${plaza.baseUrl}/search`);
    const covers = noScript.locator('.skeleton-cover');
    expect(await covers.count()).toBeGreaterThanOrEqual(6);
    const box = await covers.first().boundingBox();
    // Drawn by the stylesheet: two columns on a 390 px phone, each cover a visible block.
    expect(box?.width).toBeGreaterThan(150);
    expect(box?.width).toBeLessThan(195);
    expect(box?.height).toBeGreaterThan(150);
    await noScript.screenshot({ path: screenshotPath('first-load-skeleton-phone') });
    await noScript.context().close();
  });

  it('shows the first discover cards with scripts off, as links that work', async () => {
    const noScript = await pages().open({ ...PHONE, javaScriptEnabled: false });
    await noScript.goto(`${plaza.baseUrl}/`);
    const cards = noScript.locator('.note-card');
    expect(await cards.count()).toBe(NOTE_COUNT);
    const places = await cardPlaces(noScript);
    // Two columns on a 390 px phone, each card a visible block with its cover drawn.
    expect(new Set(places.map((place) => Math.round(place.x))).size).toBe(2);
    const cover = await noScript.locator('.note-card-cover img').first().boundingBox();
    expect(cover?.width).toBeGreaterThan(150);
    expect(cover?.width).toBeLessThan(195);
    expect(cover?.height).toBeGreaterThan(100);
    expect(
      await noScript
        .locator('.note-card-cover img')
        .first()
        .evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    await noScript.screenshot({ path: screenshotPath('first-load-cards-phone') });
    const first = places[0]!;
    await noScript.locator('.note-card-link').first().click();
    await noScript.waitForURL(`${plaza.baseUrl}${first.href}`);
    await noScript.context().close();
    const desktop = await pages().open({ ...DESKTOP, javaScriptEnabled: false });
    await desktop.goto(`${plaza.baseUrl}/`);
    expect(await desktop.locator('.note-card').count()).toBe(NOTE_COUNT);
    await desktop.screenshot({ path: screenshotPath('first-load-cards-desktop') });
    await desktop.context().close();
  });

  it('hands the cards to the app: each once, in the same columns, without asking for the feed again', async () => {
    const noScript = await pages().open({ ...PHONE, javaScriptEnabled: false });
    await noScript.goto(`${plaza.baseUrl}/`);
    const served = await cardPlaces(noScript);
    await noScript.context().close();

    const page = await pages().open({ ...PHONE, locale: 'en' });
    const violations: string[] = [];
    const feedRequests: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|manifest/i.test(message.text())) violations.push(message.text());
    });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/v1/feed/discover') feedRequests.push(request.url());
    });
    await page.goto(`${plaza.baseUrl}/`);
    await page.locator('.masonry .note-card').first().waitFor();
    expect(await page.locator('.skeleton').count()).toBe(0);
    expect(await page.locator('#first-screen-data').count()).toBe(0);
    const shown = await cardPlaces(page);
    const hrefs = (cards: { href: string }[]) => cards.map((card) => card.href).sort();
    expect(hrefs(shown)).toEqual(hrefs(served));
    expect(new Set(hrefs(shown)).size).toBe(NOTE_COUNT);
    // A phone's first screen: its cards stand where the app puts them (same column, same top,
    // but for the fraction of a pixel the app's layout rounds away).
    for (const card of served.filter((place) => place.y < 844)) {
      const now = shown.find((place) => place.href === card.href);
      expect(Math.abs((now?.x ?? -99) - card.x), card.href).toBeLessThan(2);
      expect(Math.abs((now?.y ?? -99) - card.y), card.href).toBeLessThan(2);
    }
    expect(feedRequests).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: screenshotPath('first-load-app-phone') });
    await page.context().close();
  });
});

describe('the first visit on a slow phone', () => {
  it('prints first paint, first card and the JavaScript it took', { timeout: 600_000 }, async () => {
    const rows: string[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const page = await pages().open({ ...PHONE, locale: 'zh-TW' });
      const figures = await measureFirstLoad(page, `${plaza.baseUrl}/`);
      rows.push(
        `run ${run}: first paint ${ms(figures.firstPaint)}, first contentful paint ${ms(figures.firstContentfulPaint)}, ` +
          `skeleton ${ms(figures.skeleton)}, first card ${ms(figures.firstCard)}, app's cards ${ms(figures.appCard)}, ` +
          `JS ${(figures.scriptBytes / 1000).toFixed(1)} kB in ${figures.scriptRequests} requests`,
      );
      if (run === 1) rows.push(...figures.waterfall.map((line) => `  ${line}`));
      await page.context().close();
    }
    console.log(
      [
        `first load, Slow 3G (${networkConditions().latency} ms, ${networkConditions().downloadThroughput} B/s), CPU ÷${CPU_SLOWDOWN}`,
        `load average ${os
          .loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}, ${os.cpus().length} × ${os.cpus()[0]?.model}`,
        ...rows,
      ].join('\n'),
    );
  });
});
