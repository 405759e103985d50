/**
 * Accessibility of both products in a real browser against a real Plaza (Community + Rewards):
 * every page in zh-TW, zh-CN and en, on a phone and a desktop, audited with axe-core's WCAG 2
 * A/AA rules, with one h1 and landmarks a screen reader can tell apart, and a screenshot of each.
 * One browser visits the pages in sequence; the sweep's duration is printed, never asserted.
 */
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/catalogs.ts';
import {
  axeViolations,
  type Landmark,
  landmarkProblems,
  landmarks,
  type Violation,
  visibleH1Count,
} from './support/a11y.ts';
import {
  type A11yPlaza,
  type AuditedPage,
  BANK_ADMIN,
  HOLDER,
  startA11yPlaza,
} from './support/a11y-fixture.ts';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { focusRings } from './support/focus.ts';
import { browserForFile, logIn, visitInApp } from './support/pages.ts';

const LOCALES = ['zh-TW', 'zh-CN', 'en'] as const;
const SIZES: [string, BrowserContextOptions][] = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
];

interface PageAudit {
  /** size/locale/page, e.g. "phone/zh-TW/note". */
  page: string;
  violations: Violation[];
  h1: number;
  landmarks: Landmark[];
}

let fixture: A11yPlaza;
const audits: PageAudit[] = [];
const pages = browserForFile();

beforeAll(async () => {
  fixture = await startA11yPlaza();
}, 240_000);

afterAll(async () => {
  await fixture?.rewards.plaza.close();
});

const secondsSince = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

/**
 * Waits until the page shows its content: no spinner, no skeleton, and no request of its own in
 * flight for a moment (Playwright's networkidle waits half a second: over a minute across the sweep).
 */
async function settled(page: Page, inFlight: Set<unknown>): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('.state-loading, .skeleton'));
  for (let quietMs = 0; quietMs < 150; ) {
    await page.waitForTimeout(50);
    quietMs = inFlight.size === 0 ? quietMs + 50 : 0;
  }
  await page.waitForFunction(() => !document.querySelector('.state-loading'));
}

/** The requests a page has started and not yet finished. */
function trackRequests(page: Page): Set<unknown> {
  const inFlight = new Set<unknown>();
  page.on('request', (r) => inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return inFlight;
}

const visit = (page: Page, path: string) => visitInApp(page, fixture.rewards.plaza.baseUrl, path);

async function audit(page: Page, target: AuditedPage, label: string): Promise<PageAudit> {
  await visit(page, target.path);
  await settled(page, inFlightOf.get(page) ?? new Set());
  const name = `${label}/${target.name}`;
  const result = {
    page: name,
    violations: await axeViolations(page, name),
    h1: await visibleH1Count(page),
    landmarks: await landmarks(page),
  };
  // CSS pixels: a phone's 2× screenshot costs four times the encoding for no more to check.
  await page.screenshot({
    path: screenshotPath(`a11y-${name.replaceAll('/', '-')}`),
    fullPage: true,
    scale: 'css',
  });
  return result;
}

const inFlightOf = new WeakMap<Page, Set<unknown>>();

type Session = NonNullable<BrowserContextOptions['storageState']>;
const sessions = new Map<string, Session>();

/**
 * A page of the given size and language, signed in as the pages' reader needs: through the form
 * the first time, then with that session's cookies (eighteen logins would slow the sweep).
 */
async function pageFor(options: BrowserContextOptions, as: AuditedPage['as']): Promise<Page> {
  const handle = { nobody: '', holder: HOLDER, admin: BANK_ADMIN }[as];
  const session = sessions.get(handle);
  const page = await pages().open(session ? { ...options, storageState: session } : options, true);
  inFlightOf.set(page, trackRequests(page));
  if (handle && !session) {
    await logIn(page, fixture.rewards.plaza.baseUrl, handle);
    sessions.set(handle, await page.context().storageState());
  }
  return page;
}

describe('every page, every language, phone and desktop', () => {
  it('passes axe-core’s WCAG 2 A/AA rules', { timeout: 900_000 }, async () => {
    const started = performance.now();
    for (const [size, options] of SIZES)
      for (const locale of LOCALES)
        for (const as of ['nobody', 'holder', 'admin'] as const) {
          const page = await pageFor({ ...options, locale }, as);
          for (const target of fixture.pages.filter((p) => p.as === as))
            audits.push(await audit(page, target, `${size}/${locale}`));
          await page.context().close();
        }
    console.log(`accessibility sweep: ${audits.length} pages audited in ${secondsSince(started)} s`);
    expect(audits.length).toBe(fixture.pages.length * SIZES.length * LOCALES.length);
    expect(audits.flatMap((a) => a.violations)).toEqual([]);
  });

  it('has exactly one h1 on every page', () => {
    expect(audits.length).toBeGreaterThan(0);
    expect(audits.filter((a) => a.h1 !== 1).map((a) => `${a.page}: ${a.h1} h1`)).toEqual([]);
  });

  it('names its landmarks so that no two of a kind read alike', () => {
    expect(audits.length).toBeGreaterThan(0);
    const problems = audits.flatMap((a) => landmarkProblems(a.landmarks).map((p) => `${a.page}: ${p}`));
    expect(problems).toEqual([]);
  });
});

/** A desktop page in English, signed in as the given reader, showing the path. */
async function openAs(as: AuditedPage['as'], path: string, options = DESKTOP): Promise<Page> {
  const page = await pageFor({ ...options, locale: 'en' }, as);
  await page.goto(fixture.rewards.plaza.baseUrl + path);
  await settled(page, inFlightOf.get(page) ?? new Set());
  return page;
}

describe('the keyboard', () => {
  it('shows a focus ring of 3:1 contrast round every control it reaches', { timeout: 600_000 }, async () => {
    const path = (name: string) => fixture.pages.find((p) => p.name === name)?.path ?? '';
    const checks: [string, AuditedPage['as'], BrowserContextOptions][] = [
      ['compose', 'holder', DESKTOP],
      ['compose', 'holder', PHONE],
      ['note', 'holder', DESKTOP],
      ['settings', 'holder', DESKTOP],
      ['signup', 'nobody', DESKTOP],
      ['rewards-plans', 'holder', DESKTOP],
      ['admin-new-version', 'admin', DESKTOP],
    ];
    const started = performance.now();
    const faint: string[] = [];
    let controls = 0;
    for (const [name, as, options] of checks) {
      const page = await openAs(as, path(name), options);
      const rings = await focusRings(page);
      controls += rings.length;
      expect(rings.length, name).toBeGreaterThan(3);
      for (const ring of rings)
        if (ring.ringPixels < ring.perimeter)
          faint.push(`${name}: ${ring.control} changes ${ring.ringPixels} px of ${ring.perimeter} needed`);
      await page.context().close();
    }
    console.log(`focus rings: ${controls} controls checked in ${secondsSince(started)} s`);
    expect(faint).toEqual([]);
  });

  it('follows the reading order across the note grid, row by row, left to right', {
    timeout: 120_000,
  }, async () => {
    for (const options of [DESKTOP, PHONE]) {
      const page = await openAs('nobody', '/', options);
      const order = await cardsInTabOrder(page);
      const cards = await page.locator('.note-card').count();
      expect(order.length).toBe(cards);
      // Several columns, some holding more than one card: column order would not be row order.
      const columns = new Set(order.map((c) => c.left)).size;
      expect(columns).toBeGreaterThan(1);
      expect(order.length).toBeGreaterThan(columns);
      const reading = [...order].sort((a, b) => a.top - b.top || a.left - b.left);
      expect(order).toEqual(reading);
      await page.context().close();
    }
  });

  it('moves focus into a sheet when it opens and back to its opener when Escape closes it', {
    timeout: 120_000,
  }, async () => {
    const note = await openAs('holder', `/notes/${fixture.otherNoteId}`);
    const collect = note.getByRole('button', { name: en.note.collect, exact: true });
    await expectFocusRoundTrip(note, collect);
    await note.context().close();

    const card = fixture.pages.find((p) => p.name === 'rewards-transactions')?.path ?? '';
    const transactions = await openAs('holder', card);
    await expectFocusRoundTrip(transactions, transactions.locator('[data-transaction] button').first());
    await transactions.context().close();
  });
});

/** The note cards in the order Tab reaches their links, with where each sits on the page. */
async function cardsInTabOrder(page: Page): Promise<{ top: number; left: number }[]> {
  const cards = await page.locator('.note-card').count();
  const order: { top: number; left: number }[] = [];
  for (let stop = 0; stop < 200 && order.length < cards; stop++) {
    await page.keyboard.press('Tab');
    const place = await page.evaluate(() => {
      const link = document.activeElement?.closest('.note-card-link');
      const rect = link?.closest('.note-card')?.getBoundingClientRect();
      return rect ? { top: Math.round(rect.top + window.scrollY), left: Math.round(rect.left) } : null;
    });
    if (place) order.push(place);
  }
  return order;
}

/** Opens a sheet from the keyboard, checks focus is inside and stays there, closes it with Escape. */
async function expectFocusRoundTrip(page: Page, opener: Locator): Promise<void> {
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await settled(page, inFlightOf.get(page) ?? new Set());
  expect(await axeViolations(page, 'open sheet')).toEqual([]);
  const insideDialog = () => page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'));
  expect(await insideDialog()).toBe(true);
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
    expect(await insideDialog()).toBe(true);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  expect(await opener.evaluate((el) => el === document.activeElement)).toBe(true);
}
