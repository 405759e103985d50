/**
 * Every form refuses bad input in the reader's language: each form is sent with input the
 * server refuses (the browser's own checks switched off, so the server's answer is what shows),
 * in zh-TW, zh-CN and en. A Chinese page must show no Latin-script words in its error messages:
 * the server's English never reaches it. Page titles name the page and the product, and
 * `<html lang>` follows the interface. Screenshots of the error states are saved.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { PHONE } from './support/browser.ts';
import { readableFormErrors } from './support/form-errors.ts';
import { browserForFile, logIn as logInAt, PASSWORD } from './support/pages.ts';
import { BANK_ADMIN, HOLDER, type RewardsPlaza, startRewardsPlaza } from './support/rewards-fixture.ts';

const LOCALES = [
  ['zh-TW', zhTW, 'zh-Hant-TW'],
  ['zh-CN', zhCN, 'zh-Hans-CN'],
  ['en', en, 'en'],
] as const;
type Locale = (typeof LOCALES)[number][0];

let rewards: RewardsPlaza;
const pages = browserForFile();
const url = (path: string) => `${rewards.plaza.baseUrl}${path}`;

beforeAll(async () => {
  rewards = await startRewardsPlaza({ name: 'sqlite', url: 'sqlite::memory:' });
}, 120_000);

afterAll(async () => {
  await rewards?.plaza.close();
});

async function open(locale: Locale, handle?: string): Promise<Page> {
  const page = await pages().open({ ...PHONE, locale }, true);
  if (handle) await logInAt(page, rewards.plaza.baseUrl, handle);
  return page;
}

/** Fills a form's fields with the browser's limits (maxlength, required, pattern) removed, and sends it. */
async function sendBad(form: Locator, values: Record<string, string>): Promise<void> {
  await form.evaluate((element) => {
    (element as HTMLFormElement).noValidate = true;
    for (const field of element.querySelectorAll('input, textarea'))
      for (const attribute of ['maxlength', 'minlength', 'required', 'pattern', 'min', 'max'])
        field.removeAttribute(attribute);
  });
  for (const [name, value] of Object.entries(values)) await form.locator(`[name="${name}"]`).fill(value);
  await form.locator('button[type=submit]').first().click();
}

const expectReadable = (locale: Locale, form: Locator, shot: string, _page: Page) =>
  readableFormErrors(locale, form, `messages-${shot}`);

describe('every form refuses bad input in the reader’s language', () => {
  for (const [locale, catalog] of LOCALES) {
    it(`sign-up and sign-in, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale);
      await page.goto(url('/signup'));
      const signUp = page.locator('form', { has: page.locator('[name=password]') });
      await sendBad(signUp, { handle: '路人', email: 'not-an-email', password: 'x' });
      const signUpErrors = await expectReadable(locale, signUp, 'signup', page);
      expect(signUpErrors.join(' ')).not.toContain('must');

      await page.goto(url('/login'));
      const signIn = page.locator('form', { has: page.locator('[name=password]') });
      await sendBad(signIn, { login: HOLDER, password: 'not the password' });
      expect(await expectReadable(locale, signIn, 'signin', page)).toContain(
        catalog.errors.invalid_credentials,
      );
    });

    it(`settings: profile and password, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale, HOLDER);
      await page.goto(url('/settings'));
      const profile = page.locator('form', { has: page.locator('[name=displayName]') });
      await sendBad(profile, { displayName: '蘭'.repeat(31) });
      expect(await expectReadable(locale, profile, 'settings-profile', page)).toContain(
        catalog.fieldErrors.too_long.replace('{{max}}', '30'),
      );

      const password = page.locator('form', {
        has: page.getByLabel(catalog.settings.newPassword, { exact: true }),
      });
      await password.getByLabel(catalog.settings.currentPassword, { exact: true }).fill('not the password');
      await password.getByLabel(catalog.settings.newPassword, { exact: true }).fill(`${PASSWORD} again`);
      await password.locator('button[type=submit]').click();
      expect(await expectReadable(locale, password, 'settings-password', page)).toContain(
        catalog.fieldErrors.wrong_password,
      );
    });

    it(`the bank console's merchant form, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale, BANK_ADMIN);
      await page.goto(url('/rewards/admin/merchants'));
      const form = page.getByTestId('merchant-form');
      await sendBad(form, { merchantId: '台北咖啡!', nameZhTW: '台北咖啡', nameEn: 'Taipei Coffee' });
      expect(await expectReadable(locale, form, 'console-merchant', page)).toContain(
        catalog.fieldErrors.not_reference.replace('{{max}}', '64'),
      );
    });
  }
});

describe('page titles and the document language', () => {
  for (const [locale, catalog, lang] of LOCALES) {
    it(`name the page and the product, in ${locale}`, { timeout: 60_000 }, async () => {
      const page = await open(locale);
      const title = (name: string) => catalog.titles.format.replace('{{page}}', name);
      for (const [path, name] of [
        ['/', catalog.titles.discover],
        ['/login', catalog.titles.logIn],
        ['/signup', catalog.titles.signUp],
        ['/search', catalog.titles.search],
        ['/topics/夜市', catalog.titles.topic.replace('{{topic}}', '夜市')],
        ['/no-such-page', catalog.titles.notFound],
      ] as const) {
        await page.goto(url(path));
        await expect.poll(() => page.title(), { timeout: 10_000 }).toBe(title(name));
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      }
    });
  }
});
