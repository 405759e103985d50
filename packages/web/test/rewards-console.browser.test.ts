/**
 * The bank console's own frame and its card search in a real browser against a real Plaza
 * (SQLite, and PostgreSQL when PLAZA_TEST_DATABASE_URL is set), on a phone and a desktop in
 * every language: the bank's name and sections (a menu on the phone, a side column on the
 * desktop), none of the Community's search bar, post button or tab bar; cards found by last four
 * digits, by handle and by display name; screenshots of each.
 */

import { accountDirectory } from '@plaza/community';
import { bearer, signUpForTest } from '@plaza/kernel/testing';
import { rewardsProduct, taipeiInstant } from '@plaza/rewards';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { browserForFile, logIn, shoot } from './support/pages.ts';
import { browserDatabase } from './support/rewards-fixture.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

const CATALOGS = { 'zh-TW': zhTW, 'zh-CN': zhCN, en } as const;
const ADMIN = 'console_admin';
const MEI = { handle: 'mei_holder', name: '林美玲', last4: '5566' };
const WU = { handle: 'wu_holder', name: 'Wu Chien', last4: '7788' };

let plaza: RunningPlaza;
const cards: Record<string, string> = {};
const pages = browserForFile();
const newPage = (options: BrowserContextOptions) => pages().open(options, true);
const url = (path: string) => plaza.baseUrl + path;

async function holderWithCard(admin: string, holder: typeof MEI): Promise<void> {
  const account = await signUpForTest(plaza.app, holder.handle, 'zh-TW');
  const named = await plaza.app.inject({
    method: 'PATCH',
    url: '/api/v1/me',
    headers: bearer(account.token),
    payload: { displayName: holder.name },
  });
  expect(named.statusCode, named.body).toBe(200);
  const issued = await plaza.app.inject({
    method: 'POST',
    url: '/api/rewards/v1/admin/cards',
    headers: bearer(admin),
    payload: { holderHandle: holder.handle, last4: holder.last4, level: 2, birthMonth: null },
  });
  expect(issued.statusCode, issued.body).toBe(201);
  cards[holder.handle] = (issued.json() as { id: string }).id;
}

/** Searches from the console's form and answers the cards listed. */
async function searchFor(page: Page, text: string, searchLabel: string): Promise<(string | null)[]> {
  const form = page.getByTestId('card-search');
  await form.locator('input[name=q]').fill(text);
  await form.getByRole('button', { name: searchLabel }).click();
  await page.waitForURL((address) => address.searchParams.get('q') === text);
  // The list of this search, not the one before it still on screen while this one loads.
  const results = page
    .locator(`[data-testid=card-search-results][data-q="${text}"]`)
    .getByTestId('card-result');
  await results.first().waitFor();
  return results.evaluateAll((links) => links.map((link) => link.getAttribute('data-card')));
}

/** The Community's chrome, none of which belongs in the bank's console. */
async function communityChrome(page: Page) {
  return {
    topbar: await page.locator('.topbar').count(),
    search: await page.locator('.topbar-search').count(),
    post: await page.locator('a[href="/compose"], .btn-compose, .tabbar-compose').count(),
    tabbar: await page.locator('.tabbar').count(),
  };
}

describe.each([browserDatabase()])('the bank console’s frame and card search ($name)', (database) => {
  beforeAll(async () => {
    plaza = await startPlaza([rewardsProduct({ holderDirectory: accountDirectory })], database);
    plaza.clock.set(taipeiInstant('2026-03-10', '10:00'));
    const admin = await signUpForTest(plaza.app, ADMIN);
    await plaza.platform.auth.setRole(admin.id, 'admin');
    await holderWithCard(admin.token, MEI);
    await holderWithCard(admin.token, WU);
  }, 120_000);

  afterAll(async () => {
    await plaza?.close();
  });

  for (const [size, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const)
    for (const locale of ['zh-TW', 'zh-CN', 'en'] as const)
      it(`${size}, ${locale}: the bank's frame, and cards found by last four, handle and name`, {
        timeout: 120_000,
      }, async () => {
        const t = CATALOGS[locale].rewards.admin;
        const page = await newPage({ ...options, locale });
        await logIn(page, plaza.baseUrl, ADMIN);
        await page.goto(url('/rewards/admin'));
        await page.waitForURL(url('/rewards/admin/plans'));
        const frame = page.getByTestId('console-frame');
        await frame.waitFor();
        expect(await frame.locator('.console-bank').textContent()).toBe(t.console.bank);
        expect(await communityChrome(page)).toEqual({ topbar: 0, search: 0, post: 0, tabbar: 0 });

        const sections = page.getByRole('navigation', { name: t.sections });
        const menu = page.getByRole('button', { name: t.console.menu });
        if (size === 'phone') {
          // The sections wait behind the menu; picking one closes it again.
          expect(await sections.isVisible()).toBe(false);
          await menu.click();
          await sections.waitFor({ state: 'visible' });
          await shoot(page, `rewards-console-menu-${locale}-${size}`);
        } else {
          expect(await menu.isVisible()).toBe(false);
          expect(await sections.isVisible()).toBe(true);
        }
        await sections.getByRole('link', { name: t.tabs.cards, exact: true }).click();
        await page.waitForURL(url('/rewards/admin/cards'));
        if (size === 'phone') await sections.waitFor({ state: 'hidden' });
        expect(await page.locator('h1').allTextContents()).toEqual([t.tabs.cards]);

        expect(await searchFor(page, MEI.last4, t.cardSearch.search)).toEqual([cards[MEI.handle]]);
        const found = page.getByTestId('card-result').first();
        expect(await found.textContent()).toContain(`${MEI.name} @${MEI.handle}`);
        expect(await searchFor(page, WU.handle, t.cardSearch.search)).toEqual([cards[WU.handle]]);
        expect(await searchFor(page, 'wu c', t.cardSearch.search)).toEqual([cards[WU.handle]]);
        expect(await searchFor(page, MEI.name.slice(0, 2), t.cardSearch.search)).toEqual([cards[MEI.handle]]);
        await shoot(page, `rewards-console-cards-${locale}-${size}`);
        expect(await communityChrome(page)).toEqual({ topbar: 0, search: 0, post: 0, tabbar: 0 });

        await page.getByTestId('card-result').first().click();
        await page.waitForURL(url(`/rewards/admin/cards/${cards[MEI.handle]}`));
        await page.getByTestId('admin-card').waitFor();
        await page.getByTestId('card-back').click();
        await page.waitForURL(url('/rewards/admin/cards'));
      });

  it('nothing found is said so; the status filter narrows the list', { timeout: 120_000 }, async () => {
    const t = en.rewards.admin;
    const page = await newPage({ ...DESKTOP, locale: 'en' });
    await logIn(page, plaza.baseUrl, ADMIN);
    await page.goto(url('/rewards/admin/cards?q=0000'));
    await expect.poll(() => page.getByTestId('card-search-none').textContent()).toBe(t.cardSearch.none);
    await page.goto(url('/rewards/admin/cards'));
    const form = page.getByTestId('card-search');
    await form.locator('select[name=status]').selectOption('active');
    await form.getByRole('button', { name: t.cardSearch.search }).click();
    await expect.poll(() => page.getByTestId('card-search-none').textContent()).toBe(t.cardSearch.none);
    await form.locator('select[name=status]').selectOption('no_plan');
    await form.getByRole('button', { name: t.cardSearch.search }).click();
    await expect
      .poll(async () =>
        (
          await page.getByTestId('card-result').evaluateAll((l) => l.map((e) => e.getAttribute('data-card')))
        ).sort(),
      )
      .toEqual([cards[WU.handle], cards[MEI.handle]].sort());
  });
});
