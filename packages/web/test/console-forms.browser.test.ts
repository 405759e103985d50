/**
 * The bank console's forms and the account settings, refused in the reader's language: a
 * version's terms, the shelf schedule, a business-calendar year, a card's level and flags, the
 * card search, a merchant, the earnings preview, and the profile, password and delete-account
 * forms, in zh-TW (on a phone), zh-CN and en (on a desktop). The browser's own limits are taken
 * off, so the server's answer is what shows. Each error stands beside its own field and is the
 * catalog's sentence for what was refused; a Chinese page shows no Latin-script word in any error.
 * One Plaza (SQLite) and one browser serve the file, one page per reader and language.
 */

import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { readableFormErrors } from './support/form-errors.ts';
import { browserForFile, fillTemplate, logIn, PASSWORD, unlimit, visitInApp } from './support/pages.ts';
import { BANK_ADMIN, HOLDER, type RewardsPlaza, startRewardsPlaza } from './support/rewards-fixture.ts';

const LOCALES = [
  ['zh-TW', zhTW, PHONE],
  ['zh-CN', zhCN, DESKTOP],
  ['en', en, DESKTOP],
] as const;
type Locale = (typeof LOCALES)[number][0];
type Catalog = (typeof LOCALES)[number][1];

let rewards: RewardsPlaza;
const pages = browserForFile();

beforeAll(async () => {
  rewards = await startRewardsPlaza({ name: 'sqlite', url: 'sqlite::memory:' });
}, 120_000);

afterAll(async () => {
  await rewards?.plaza.close();
});

type Session = NonNullable<BrowserContextOptions['storageState']>;
const sessions = new Map<string, Session>();
const openPages = new Map<string, Page>();

/**
 * The page of one reader in one language, kept across this file's tests: signed in through the
 * form the first time the reader is needed, then with that session's cookies.
 */
async function pageOf(locale: Locale, handle: string): Promise<Page> {
  const key = `${locale}/${handle}`;
  const open = openPages.get(key);
  if (open) return open;
  const options = LOCALES.find(([l]) => l === locale)?.[2] ?? DESKTOP;
  const session = sessions.get(handle);
  const page = await pages().open(
    { ...options, locale, ...(session ? { storageState: session } : {}) },
    true,
  );
  if (!session) {
    await logIn(page, rewards.plaza.baseUrl, handle);
    sessions.set(handle, await page.context().storageState());
  }
  // A control that never shows fails its test in seconds, saying which, not at the test's end.
  page.setDefaultTimeout(15_000);
  openPages.set(key, page);
  return page;
}

const visit = (page: Page, path: string) => visitInApp(page, rewards.plaza.baseUrl, path);

const send = (form: Locator) => form.locator('button[type=submit]').first().click();

/**
 * The error under a control (its name, or a locator from the page's root, as `has` needs): in
 * the `.field` that holds it, nowhere else.
 */
function besideOf(form: Locator, control: string | Locator): Locator {
  const inner = typeof control === 'string' ? form.page().locator(`[name="${control}"]`) : control;
  return form.locator('.field', { has: inner }).locator('.field-error');
}

/** Waits for the message beside a control to read `message` exactly. */
async function expectBeside(form: Locator, control: string | Locator, message: string): Promise<void> {
  await expect.poll(() => besideOf(form, control).textContent(), { timeout: 15_000 }).toBe(message);
}

const named = (form: Locator, name: string) => form.locator(`[name="${name}"]`);

async function expectReadable(locale: Locale, form: Locator, shot: string): Promise<void> {
  await readableFormErrors(locale, form, `console-forms-${shot}`);
}

const tooLong = (catalog: Catalog, max: number) => fillTemplate(catalog.fieldErrors.too_long, { max });

describe('the bank console’s forms refuse bad input beside the field, in the reader’s language', () => {
  for (const [locale, catalog] of LOCALES) {
    const A = catalog.rewards.admin;

    it(`a new version's terms, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      await visit(page, '/rewards/admin/plans/digital/versions/new');
      const form = page.getByTestId('version-form');
      await named(form, 'channels/0/id').waitFor();
      await unlimit(form);
      // What the server's schema refuses: both names too long, a channel id with a space.
      await named(form, 'zhTW').fill('數'.repeat(101));
      await named(form, 'en').fill('D'.repeat(101));
      await named(form, 'validFrom').fill('2026-09-01');
      await named(form, 'channels/0/id').fill('Bad Channel!');
      await send(form);
      await expectBeside(form, 'zhTW', tooLong(catalog, 100));
      await expectBeside(form, 'en', tooLong(catalog, 100));
      await expectBeside(
        form,
        'channels/0/id',
        fillTemplate(catalog.fieldErrors.not_program_id, { max: 64 }),
      );
      await expectReadable(locale, form, 'version-schema');

      // What the form cannot send as typed: a rate, a code list and a flag name.
      await named(form, 'zhTW').fill('玩數位');
      await named(form, 'en').fill('Digital');
      await named(form, 'channels/0/id').fill('digital.streaming');
      await named(form, 'channels/0/rate/1').fill('3,3%');
      await named(form, 'channels/0/rules/0/mcc').fill('48a9');
      await form.getByLabel(A.whoMayPick).selectOption('flag');
      await named(form, 'flag').fill('Kids Only');
      await send(form);
      await expectBeside(form, 'channels/0/rate/1', A.draftError.percent);
      await expectBeside(form, 'channels/0/rules/0/mcc', A.draftError.mcc);
      await expectBeside(form, 'flag', fillTemplate(catalog.fieldErrors.not_flag_name, { max: 32 }));
      await expectReadable(locale, form, 'version-draft');

      // What the program check refuses: a window that ends before it starts.
      await named(form, 'channels/0/rate/1').fill('3.3');
      await named(form, 'channels/0/rules/0/mcc').fill('4899');
      await form.getByLabel(A.whoMayPick).selectOption('everyone');
      await named(form, 'validTo').fill('2026-08-01');
      await send(form);
      await expect
        .poll(() => besideOf(form, 'validFrom').textContent(), { timeout: 15_000 })
        .toContain(catalog.fieldErrors.bad_date_range);
      await expectReadable(locale, form, 'version-program');
      expect(page.url()).toContain('/versions/new');
    });

    it(`the shelf schedule, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      await visit(page, '/rewards/admin/plans/digital');
      const version = page.locator('[data-version="digital-2026h2"]');
      const schedule = version.locator('form', { has: page.locator('[name=onShelfAt]') });
      await schedule.waitFor();
      await named(schedule, 'onShelfAt').fill('2026-08-01T00:00');
      await named(schedule, 'offShelfAt').fill('2026-07-15T00:00');
      await send(schedule);
      await expectBeside(schedule, 'offShelfAt', catalog.fieldErrors.shelf_window_invalid);
      await expectReadable(locale, schedule, 'schedule-window');

      // The fixture's day is 10 March 2026: January is the past.
      await named(schedule, 'onShelfAt').fill('2026-01-02T00:00');
      await named(schedule, 'offShelfAt').fill('');
      await send(schedule);
      await expectBeside(schedule, 'onShelfAt', catalog.fieldErrors.in_the_past);
      await expectReadable(locale, schedule, 'schedule-past');
      expect(await version.getAttribute('data-state')).toBe('scheduled');
    });

    it(`a business-calendar year, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      await visit(page, '/rewards/admin/calendar/2026');
      const form = page.locator('[data-testid=calendar-year-form][data-year="2026"]');
      const holidays = form.locator('[data-list=holidays] li[data-row]');
      await form.waitFor();
      const stored = await holidays.count();
      await form.getByTestId('add-holidays').click();
      await unlimit(form);
      const row = holidays.nth(stored);
      await row.locator('input[type=date]').fill('2026-04-03');
      await row.locator('input[type=text]').fill('假'.repeat(101));
      await send(form);
      await expect
        .poll(() => row.locator('.field-error').textContent(), { timeout: 15_000 })
        .toBe(tooLong(catalog, 100));
      await expectReadable(locale, form, 'calendar-name');

      // A Saturday is no holiday to declare: the rule the server checks past the schema.
      await row.locator('input[type=date]').fill('2026-03-14');
      await row.locator('input[type=text]').fill('週末');
      await send(form);
      await expect
        .poll(() => row.locator('.field-error').textContent(), { timeout: 15_000 })
        .toBe(catalog.fieldErrors.holiday_on_weekend);
      await expectReadable(locale, form, 'calendar-weekend');
      expect(await holidays.nth(0).locator('.field-error').count()).toBe(0);
    });

    it(`a card's level and flags, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      await visit(page, `/rewards/admin/cards/${rewards.card.id}`);
      const level = page.getByTestId('level-form');
      await level.waitFor();
      await unlimit(level);
      await named(level, 'reason').fill('因'.repeat(201));
      await send(level);
      await expectBeside(level, 'reason', tooLong(catalog, 200));
      await expectReadable(locale, level, 'card-level');

      const flags = page.getByTestId('flag-form');
      await named(flags, 'flag').fill('Kids!');
      await send(flags);
      await expectBeside(flags, 'flag', fillTemplate(catalog.fieldErrors.not_flag_name, { max: 32 }));
      await expectReadable(locale, flags, 'card-flag-name');
      // An end on or before the start (the 1st of April) is refused beside the date.
      await named(flags, 'flag').fill('kids');
      await named(flags, 'until').fill('2026-03-31');
      await send(flags);
      await expectBeside(flags, 'until', A.cards.untilInvalid);
      await expectReadable(locale, flags, 'card-flag-until');
      expect(await page.getByTestId('flag-history').textContent()).toBe(A.cards.noFlags);
    });

    it(`a card search the server refuses, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      // The search lives in the address, so a link can carry more than the box lets one type.
      await visit(page, `/rewards/admin/cards?q=${'4'.repeat(65)}`);
      const form = page.getByTestId('card-search');
      await expectBeside(form, 'q', tooLong(catalog, 64));
      await expectReadable(locale, form, 'card-search');
    });

    it(`a merchant's names and code, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      await visit(page, '/rewards/admin/merchants');
      const form = page.getByTestId('merchant-form');
      await form.waitFor();
      await unlimit(form);
      await named(form, 'merchantId').fill('cafe.probe');
      await named(form, 'nameZhTW').fill('咖'.repeat(101));
      await named(form, 'nameEn').fill('C'.repeat(101));
      await send(form);
      await expectBeside(form, 'nameZhTW', tooLong(catalog, 100));
      await expectBeside(form, 'nameEn', tooLong(catalog, 100));
      await expectReadable(locale, form, 'merchant-names');

      await named(form, 'nameZhTW').fill('咖啡');
      await named(form, 'nameEn').fill('Cafe');
      await named(form, 'mcc').fill('58121');
      await send(form);
      await expectBeside(form, 'mcc', A.directory.mccInvalid);
      await expectReadable(locale, form, 'merchant-mcc');
    });

    it(`the earnings preview, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, BANK_ADMIN);
      await visit(page, '/rewards/admin/preview');
      const form = page.getByTestId('preview-form');
      await form.waitFor();
      await named(form, 'amount').fill('12abc');
      await send(form);
      await expectBeside(form, 'amount', catalog.rewards.preview.problem.amount);
      await expectReadable(locale, form, 'preview-local');

      await named(form, 'amount').fill('1000');
      await named(form, 'currency').fill('XX');
      await named(form, 'billedTwd').fill('1000');
      await named(form, 'merchantId').fill('netflix');
      await named(form, 'mcc').fill('48a9');
      await named(form, 'country').fill('TWN');
      await send(form);
      await expectBeside(form, 'currency', catalog.fieldErrors.not_currency_code);
      await expectBeside(form, 'mcc', fillTemplate(catalog.fieldErrors.must_be_digits, { length: 4 }));
      await expectBeside(form, 'country', catalog.fieldErrors.not_country_code);
      await expectReadable(locale, form, 'preview-server');
    });
  }
});

describe('the account settings refuse bad input beside the field, in the reader’s language', () => {
  for (const [locale, catalog] of LOCALES) {
    const S = catalog.settings;

    it(`profile, password and deleting the account, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await pageOf(locale, HOLDER);
      await visit(page, '/settings');
      const profile = page.locator('form', { has: page.locator('[name=displayName]') });
      await profile.waitFor();
      await unlimit(profile);
      await named(profile, 'displayName').fill('   ');
      await named(profile, 'bio').fill('夜'.repeat(201));
      await send(profile);
      await expectBeside(profile, 'displayName', catalog.fieldErrors.empty);
      await expectBeside(profile, 'bio', fillTemplate(catalog.fieldErrors.too_long, { max: 200 }));
      await expectReadable(locale, profile, 'settings-profile');

      const current = page.getByLabel(S.currentPassword, { exact: true });
      const password = page.locator('form', { has: current });
      await current.fill('not the password');
      await password.getByLabel(S.newPassword, { exact: true }).fill(`${PASSWORD} again`);
      await send(password);
      await expectBeside(password, current, catalog.fieldErrors.wrong_password);
      await expectReadable(locale, password, 'settings-password');

      const confirm = page.getByLabel(S.deletePassword, { exact: true });
      const remove = page.locator('form', { has: confirm });
      await confirm.fill('not the password');
      page.once('dialog', (dialog) => void dialog.accept());
      await send(remove);
      await expectBeside(remove, confirm, catalog.fieldErrors.wrong_password);
      await expectReadable(locale, remove, 'settings-delete');
      expect(new URL(page.url()).pathname).toBe('/settings');
    });
  }
});
