/**
 * The console's business-day calendar in a real browser against a real Plaza (SQLite, and
 * PostgreSQL when PLAZA_TEST_DATABASE_URL is set): with the clock in November 2027 the calendar
 * (2026 and 2027 as shipped) lacks 2028 and says so; the bank adds a holiday to 2027, a weekend
 * "holiday" is refused beside its row and nothing is saved, and entering 2028 ends the warning.
 * Screenshots on a desktop and a phone.
 */

import { taipeiInstant } from '@plaza/rewards';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhTW } from '../src/i18n/catalogs.ts';
import { formatCalendarDate } from '../src/rewards/lib/format.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { browserForFile, fillTemplate, logIn as logInAs, shoot } from './support/pages.ts';
import {
  BANK_ADMIN,
  browserDatabase,
  type RewardsPlaza,
  startRewardsPlaza,
} from './support/rewards-fixture.ts';

const CAL = en.rewards.admin.calendar;
// A save goes to the server and back: on a busy machine that can take longer than a poll's default second.
const SLOW = { timeout: 20_000 };

let rewards: RewardsPlaza;

const url = (path: string) => rewards.plaza.baseUrl + path;
const pages = browserForFile();
const newPage = (options: BrowserContextOptions) => pages().open(options, true);
const logIn = (page: Page, handle: string) => logInAs(page, rewards.plaza.baseUrl, handle);

interface YearView {
  holidays: { date: string; name: string }[];
}

/** The stored year, read with the page's own session (the clock has moved past the fixture's tokens). */
async function storedYear(page: Page, year: number): Promise<{ status: number; body: YearView }> {
  const response = await page.request.get(url(`/api/rewards/v1/admin/calendar/${year}`));
  return { status: response.status(), body: (await response.json()) as YearView };
}

describe.each([browserDatabase()])('the console’s business-day calendar ($name)', (database) => {
  beforeAll(async () => {
    rewards = await startRewardsPlaza(database);
    // Six weeks before 2028, which the shipped calendar does not know.
    rewards.plaza.clock.set(taipeiInstant('2027-11-15', '10:00'));
  }, 120_000);

  afterAll(async () => {
    await rewards?.plaza.close();
  });

  it('warns that 2028 is missing, adds a holiday to 2027, and refuses a weekend holiday beside its row', {
    timeout: 120_000,
  }, async () => {
    const page = await newPage({ ...DESKTOP, locale: 'en' });
    await logIn(page, BANK_ADMIN);
    await page.goto(url('/rewards/admin'));
    await page.getByRole('link', { name: en.rewards.admin.tabs.calendar, exact: true }).click();
    await page.waitForURL(url('/rewards/admin/calendar'));
    const warning = page.getByTestId('calendar-warnings');
    await expect
      .poll(() => warning.locator('li[data-year="2028"]').textContent())
      .toBe(
        `${fillTemplate(CAL.missingYear, { year: 2028, date: formatCalendarDate('2028-01-01', 'en') })} ${fillTemplate(CAL.addYear, { year: 2028 })}`,
      );

    const form = page.getByTestId('calendar-year-form');
    expect(await form.getAttribute('data-year')).toBe('2027');
    const holidays = form.locator('fieldset[data-list=holidays] li');
    const shipped = await holidays.count();
    expect(shipped).toBe(17);
    expect(await holidays.first().locator('input[type=text]').inputValue()).toBe('開國紀念日');

    // A Saturday is no holiday to list: refused beside its row, nothing written.
    await form.getByTestId('add-holidays').click();
    const added = holidays.nth(shipped);
    await added.locator('input[type=date]').fill('2027-11-20');
    await added.locator('input[type=text]').fill('Bank anniversary');
    await form.getByRole('button', { name: fillTemplate(CAL.save, { year: 2027 }) }).click();
    await expect.poll(() => added.locator('.field-error').textContent(), SLOW).toContain('weekend');
    expect((await storedYear(page, 2027)).body.holidays).toHaveLength(shipped);

    await added.locator('input[type=date]').fill('2027-11-19');
    await form.getByRole('button', { name: fillTemplate(CAL.save, { year: 2027 }) }).click();
    await expect
      .poll(() => page.getByTestId('calendar-outcome').textContent(), SLOW)
      .toBe(fillTemplate(CAL.saved, { year: 2027, holidays: shipped + 1, workdays: 0 }));
    const stored = await storedYear(page, 2027);
    expect(stored.body.holidays).toContainEqual({ date: '2027-11-19', name: 'Bank anniversary' });
    await expect.poll(() => page.getByTestId('calendar-year-status').textContent()).toContain('Last changed');
    await shoot(page, 'rewards-admin-calendar-desktop');
  });

  it('on a phone in Traditional Chinese: the warning, the year, and entering 2028 ends the warning', {
    timeout: 120_000,
  }, async () => {
    const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
    await logIn(phone, BANK_ADMIN);
    await phone.goto(url('/rewards/admin/calendar'));
    const warning = phone.getByTestId('calendar-warnings');
    await expect
      .poll(() => warning.textContent())
      .toContain(
        fillTemplate(zhTW.rewards.admin.calendar.missingYear, {
          year: 2028,
          date: formatCalendarDate('2028-01-01', 'zh-TW'),
        }),
      );
    await shoot(phone, 'rewards-admin-calendar-phone');

    await warning.getByRole('link').click();
    await phone.waitForURL(url('/rewards/admin/calendar/2028'));
    const form = phone.getByTestId('calendar-year-form');
    await expect.poll(() => form.getAttribute('data-year')).toBe('2028');
    await expect
      .poll(() => phone.getByTestId('calendar-year-status').textContent())
      .toBe(fillTemplate(zhTW.rewards.admin.calendar.notStored, { year: 2028 }));
    expect((await storedYear(phone, 2028)).status).toBe(404);
    await form.getByTestId('add-holidays').click();
    const row = form.locator('fieldset[data-list=holidays] li').first();
    await row.locator('input[type=date]').fill('2028-01-03');
    await row.locator('input[type=text]').fill('測試假日');
    await shoot(phone, 'rewards-admin-calendar-2028-phone');
    await form
      .getByRole('button', { name: fillTemplate(zhTW.rewards.admin.calendar.save, { year: 2028 }) })
      .click();
    await expect.poll(() => phone.getByTestId('calendar-outcome').count(), SLOW).toBe(1);
    await expect.poll(() => warning.count(), SLOW).toBe(0);
    expect((await storedYear(phone, 2028)).body.holidays).toEqual([{ date: '2028-01-03', name: '測試假日' }]);
  });
});
