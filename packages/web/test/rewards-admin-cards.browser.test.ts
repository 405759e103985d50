/**
 * The bank console's card screens in a real browser against a real Plaza (SQLite, and
 * PostgreSQL when PLAZA_TEST_DATABASE_URL is set): find a card by its network token, see its
 * holder, level and plan choices; change its level and set and clear a flag, each from the 1st
 * of next month, with bad input refused beside the field; screenshots on a phone and a desktop.
 */

import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhTW } from '../src/i18n/catalogs.ts';
import { formatCalendarDate } from '../src/rewards/lib/format.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { browserForFile, fieldError, fillTemplate, logIn as logInAs, shoot } from './support/pages.ts';
import {
  BANK_ADMIN,
  browserDatabase,
  HOLDER,
  type RewardsPlaza,
  startRewardsPlaza,
} from './support/rewards-fixture.ts';

const ADMIN = en.rewards.admin;
const CARDS = en.rewards.admin.cards;
const SEARCH = en.rewards.admin.cardSearch;
// The fixture's clock stands in March 2026: decisions count from the 1st of April.
const NEXT_MONTH = '2026-04-01';
const APRIL = formatCalendarDate(NEXT_MONTH, 'en');

let rewards: RewardsPlaza;

const url = (path: string) => rewards.plaza.baseUrl + path;
const pages = browserForFile();
const newPage = (options: BrowserContextOptions) => pages().open(options, true);
const logIn = (page: Page, handle: string) => logInAs(page, rewards.plaza.baseUrl, handle);

describe.each([browserDatabase()])('the console’s card screens ($name)', (database) => {
  beforeAll(async () => {
    rewards = await startRewardsPlaza(database);
    const switched = await rewards.holderCall('PUT', `/api/rewards/v1/cards/${rewards.card.id}/plan`, {
      planId: 'dining',
    });
    expect(switched.status, JSON.stringify(switched.body)).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await rewards?.plaza.close();
  });

  it('finds a card by token: its holder, level and plan choices; an unknown token finds nothing', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage({ ...DESKTOP, locale: 'en' });
    await logIn(page, BANK_ADMIN);
    await page.goto(url('/rewards/admin'));
    await page.getByRole('link', { name: ADMIN.tabs.cards, exact: true }).click();
    await page.waitForURL(url('/rewards/admin/cards'));
    const search = page.getByTestId('card-search');
    await search.locator('input[name=q]').fill('tok_nothing');
    await search.getByRole('button', { name: SEARCH.search }).click();
    await expect.poll(() => page.getByTestId('card-search-none').textContent()).toBe(SEARCH.none);

    await search.locator('input[name=q]').fill(rewards.card.token);
    await search.getByRole('button', { name: SEARCH.search }).click();
    await page.locator(`[data-testid=card-result][data-card="${rewards.card.id}"]`).click();
    await page.waitForURL(url(`/rewards/admin/cards/${rewards.card.id}`));
    const card = page.getByTestId('admin-card');
    await card.waitFor();
    expect(await card.getAttribute('data-card')).toBe(rewards.card.id);
    expect(await page.getByTestId('card-holder').textContent()).toBe(`@${HOLDER}`);
    expect(await page.getByTestId('card-level').textContent()).toBe(
      fillTemplate(en.rewards.card.level, { level: 2 }),
    );
    expect(await page.getByTestId('level-history').textContent()).toBe(CARDS.noLevelChanges);
    await expect.poll(() => page.getByTestId('card-selections').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('card-selections').textContent()).toContain('Dining & Shopping');
  });

  it('changes the level from the 1st of next month; the same decision again changes nothing', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage({ ...DESKTOP, locale: 'en' });
    await logIn(page, BANK_ADMIN);
    await page.goto(url(`/rewards/admin/cards/${rewards.card.id}`));
    const form = page.getByTestId('level-form');
    await form.locator('select[name=level]').selectOption('3');
    await form.locator('input[name=reason]').fill('Wealth client');
    await form.getByRole('button', { name: CARDS.changeLevel }).click();
    await expect
      .poll(() => form.getByTestId('level-outcome').textContent())
      .toBe(fillTemplate(CARDS.levelChanged, { level: 3, date: APRIL }));
    await expect
      .poll(() => page.getByTestId('card-pending-level').textContent())
      .toContain(fillTemplate(CARDS.pendingLevel, { level: 3, date: APRIL }));
    const history = page.getByTestId('level-history');
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await history.locator('tbody tr').textContent()).toContain('Wealth client');
    // Still Level 2 today: the change waits for April.
    expect(await page.getByTestId('card-level').textContent()).toContain(
      fillTemplate(en.rewards.card.level, { level: 2 }),
    );

    await form.getByRole('button', { name: CARDS.changeLevel }).click();
    await expect
      .poll(() => form.getByTestId('level-outcome').textContent())
      .toBe(fillTemplate(CARDS.levelUnchanged, { level: 3, date: APRIL }));
    expect(await history.locator('tbody tr').count()).toBe(1);

    const stored = await rewards.adminCall<{ pendingLevel: unknown }>(
      'GET',
      `/api/rewards/v1/admin/cards/${rewards.card.id}`,
    );
    expect(stored.body.pendingLevel).toEqual({ level: 3, from: NEXT_MONTH });
  });

  it('sets a flag from the 1st of next month until an end date, refusing bad input beside the field, and clears it', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage({ ...DESKTOP, locale: 'en' });
    await logIn(page, BANK_ADMIN);
    await page.goto(url(`/rewards/admin/cards/${rewards.card.id}`));
    const form = page.getByTestId('flag-form');
    await form.locator('input[name=flag]').fill('Kids!');
    await form.getByRole('button', { name: CARDS.setFlag }).click();
    await expect
      .poll(() => fieldError(form, 'flag'))
      .toBe(fillTemplate(en.fieldErrors.not_flag_name, { max: 32 }));
    expect(await page.getByTestId('flag-history').textContent()).toBe(CARDS.noFlags);

    // An end on or before the start (the 1st of April) is refused beside the date.
    await form.locator('input[name=flag]').fill('kids');
    await form.locator('input[name=until]').fill('2026-03-31');
    await form.getByRole('button', { name: CARDS.setFlag }).click();
    await expect.poll(() => fieldError(form, 'until')).toBe(CARDS.untilInvalid);
    expect(await page.getByTestId('flag-history').textContent()).toBe(CARDS.noFlags);

    await form.locator('input[name=until]').fill('2026-07-01');
    await form.getByRole('button', { name: CARDS.setFlag }).click();
    const JULY = formatCalendarDate('2026-07-01', 'en');
    await expect
      .poll(() => page.getByTestId('flag-outcome').textContent())
      .toBe(fillTemplate(CARDS.flagSetUntil, { flag: 'kids', date: APRIL, until: JULY }));
    const kids = page.getByTestId('flag-list').locator('[data-flag=kids]');
    await kids.waitFor();
    expect(await kids.getByTestId('flag-window').textContent()).toBe(
      fillTemplate(ADMIN.window, { from: APRIL, to: JULY }),
    );
    await shoot(page, 'rewards-admin-card-desktop');

    await kids.getByRole('button', { name: CARDS.clearFlag }).click();
    await expect
      .poll(() => page.getByTestId('flag-outcome').textContent())
      .toBe(fillTemplate(CARDS.flagCleared, { flag: 'kids', date: APRIL }));
    // Cleared before it took effect: the grant is undone, and both decisions stay on record.
    await expect.poll(() => page.getByTestId('flag-list').textContent()).toBe(CARDS.noFlags);
    const stored = await rewards.adminCall<{ flags: unknown[]; flagHistory: { action: string }[] }>(
      'GET',
      `/api/rewards/v1/admin/cards/${rewards.card.id}`,
    );
    expect(stored.body.flags).toEqual([]);
    expect(stored.body.flagHistory.map((d) => d.action)).toContain('revoke');
    expect(await page.getByTestId('flag-history').locator('tbody tr').count()).toBe(
      stored.body.flagHistory.length,
    );
  });

  it('on a phone in Traditional Chinese, and not for a cardholder', { timeout: 120_000 }, async () => {
    const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
    await logIn(phone, BANK_ADMIN);
    await phone.goto(url('/rewards/admin/cards'));
    await shoot(phone, 'rewards-admin-card-lookup-phone');
    await phone.goto(url(`/rewards/admin/cards/${rewards.card.id}`));
    await phone.getByTestId('admin-card').waitFor();
    expect(await phone.getByTestId('level-history').locator('tbody tr').textContent()).toContain(
      fillTemplate(zhTW.rewards.card.level, { level: 3 }),
    );
    await shoot(phone, 'rewards-admin-card-phone');

    const holder = await newPage({ ...PHONE, locale: 'en' });
    await logIn(holder, HOLDER);
    await holder.goto(url(`/rewards/admin/cards/${rewards.card.id}`));
    await holder.getByTestId('admin-not-allowed').waitFor();
  });
});
