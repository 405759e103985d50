/**
 * Sign-up and change-password in the browser, in each language: a taken email gets the neutral
 * refusal (nothing says the address has an account), a common password its own message.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { PHONE } from './support/browser.ts';
import { browserForFile, logIn, PASSWORD } from './support/pages.ts';
import { SeedClient } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

const LOCALES = [
  ['en', en],
  ['zh-TW', zhTW],
  ['zh-CN', zhCN],
] as const;

let plaza: RunningPlaza;
const pages = browserForFile();

beforeAll(async () => {
  plaza = await startPlaza();
  await new SeedClient(plaza.baseUrl).signUp('owner_web', 'en', 'Owner');
}, 120_000);

afterAll(async () => {
  await plaza?.close();
});

async function submitSignUp(page: Page, handle: string, email: string, password: string): Promise<void> {
  await page.fill('input[name=handle]', handle);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.locator('form button[type=submit]').click();
}

describe('sign-up and password refusals in three languages', () => {
  for (const [locale, catalog] of LOCALES) {
    it(`says neither "taken" nor "exists" for a registered email, in ${locale}`, async () => {
      const page = await pages().open({ ...PHONE, locale }, true);
      await page.goto(`${plaza.baseUrl}/signup`);
      const formError = page.locator('.form-error');
      await submitSignUp(
        page,
        `new_${locale.replace('-', '_').toLowerCase()}`,
        'owner_web@example.test',
        PASSWORD,
      );
      await expect.poll(() => formError.textContent()).toBe(catalog.errors.signup_refused);
      expect(await page.locator('.field-error').count()).toBe(0);
      expect(new URL(page.url()).pathname).toBe('/signup');

      await submitSignUp(
        page,
        `new_${locale.replace('-', '_').toLowerCase()}`,
        `${locale}@example.test`,
        'Password123',
      );
      await expect.poll(() => formError.textContent()).toBe(catalog.errors.password_too_common);
    });
  }

  it('refuses a common new password in the settings, in each language', { timeout: 60_000 }, async () => {
    for (const [locale, catalog] of LOCALES) {
      const page = await pages().open({ ...PHONE, locale }, true);
      await logIn(page, plaza.baseUrl, 'owner_web');
      await page.goto(`${plaza.baseUrl}/settings`);
      const form = page.locator('form', {
        has: page.getByLabel(catalog.settings.newPassword, { exact: true }),
      });
      await form.getByLabel(catalog.settings.currentPassword, { exact: true }).fill(PASSWORD);
      await form.getByLabel(catalog.settings.newPassword, { exact: true }).fill('basketball');
      await form.getByRole('button', { name: catalog.settings.changePassword }).click();
      await expect
        .poll(() => form.locator('.form-error').textContent())
        .toBe(catalog.errors.password_too_common);
    }
  });
});
