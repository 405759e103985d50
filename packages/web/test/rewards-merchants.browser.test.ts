/**
 * The merchant directory in a real browser against a real Plaza (SQLite, and PostgreSQL when
 * PLAZA_TEST_DATABASE_URL is set): a cardholder reads merchant names, not ids, in the plan list
 * in zh-TW and en; the bank renames a merchant in the console and the card app shows the new
 * name; a merchant id a new version names before the directory does is marked "no name yet" in
 * the channel editor and named from there; bad input is refused beside the field; screenshots.
 */

import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhTW } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE } from './support/browser.ts';
import { browserForFile, fieldError, fillTemplate, logIn as logInAs, shoot } from './support/pages.ts';
import {
  BANK_ADMIN,
  browserDatabase,
  HOLDER,
  type RewardsPlaza,
  startRewardsPlaza,
} from './support/rewards-fixture.ts';

const DIRECTORY = en.rewards.admin.directory;
const NEW_VERSION = 'digital-2027h1';

let rewards: RewardsPlaza;

const url = (path: string) => rewards.plaza.baseUrl + path;
const pages = browserForFile();
const newPage = (options: BrowserContextOptions) => pages().open(options, true);
const logIn = (page: Page, handle: string) => logInAs(page, rewards.plaza.baseUrl, handle);

/** The fold-out merchant rules of one plan in the card app's chooser. */
async function planRules(page: Page, planId: string): Promise<Locator> {
  await page.goto(url(`/rewards/cards/${rewards.card.id}/plans`));
  const plan = page.locator(`[data-plan=${planId}]`);
  await plan.locator('details summary').click();
  return plan.locator('.rewards-channel-rules');
}

const storedName = async (id: string) =>
  (
    await rewards.holderCall<{ items: { names: Record<string, string> }[] }>(
      'GET',
      `/api/rewards/v1/merchants?ids=${id}`,
    )
  ).body.items[0]?.names;

describe.each([browserDatabase()])(
  'the merchant directory in the card app and the console ($name)',
  (database) => {
    beforeAll(async () => {
      rewards = await startRewardsPlaza(database);
      // A draft version whose AI channel names a merchant the directory does not know yet.
      const added = await rewards.adminCall('POST', '/api/rewards/v1/admin/plans/digital/versions', {
        id: NEW_VERSION,
        names: { 'zh-TW': '玩數位', en: 'Digital' },
        validFrom: '2027-01-01',
        validTo: '2027-06-30',
        eligibility: { kind: 'everyone' },
        channels: [
          {
            id: 'digital.ai-tools',
            names: { 'zh-TW': 'AI 與設計工具', en: 'AI and design tools' },
            rules: [{ merchantIds: ['chatgpt', 'perplexity'] }],
            rate: { kind: 'flat', bps: 300 },
          },
        ],
        caps: [],
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }, 120_000);

    afterAll(async () => {
      await rewards?.plaza.close();
    });

    it('shows the cardholder merchant names in their language, not ids', { timeout: 120_000 }, async () => {
      const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(phone, HOLDER);
      const zh = await planRules(phone, 'dining');
      const zhList = fillTemplate(zhTW.rewards.rule.merchants, { list: '遠東SOGO、新光三越' });
      await expect.poll(() => zh.textContent()).toContain(zhList);
      expect(await zh.textContent()).not.toContain('far-eastern-sogo');
      await shoot(phone, 'rewards-merchants-plans-phone');

      const desk = await newPage({ ...DESKTOP, locale: 'en' });
      await logIn(desk, HOLDER);
      const english = await planRules(desk, 'dining');
      await expect
        .poll(() => english.textContent())
        .toContain(
          fillTemplate(en.rewards.rule.merchants, { list: 'Far Eastern SOGO, Shin Kong Mitsukoshi' }),
        );
    });

    it('renames a merchant in the console, refusing a blank name beside the field; the card app follows', {
      timeout: 120_000,
    }, async () => {
      const page = await newPage({ ...DESKTOP, locale: 'en' });
      await logIn(page, BANK_ADMIN);
      await page.goto(url('/rewards/admin'));
      await page.getByRole('link', { name: en.rewards.admin.tabs.merchants, exact: true }).click();
      await page.waitForURL(url('/rewards/admin/merchants'));
      const row = page.getByTestId('merchant-directory').locator('[data-merchant=far-eastern-sogo]');
      await row.getByRole('button', { name: DIRECTORY.rename }).click();
      const form = page.getByTestId('merchant-form');
      expect(await form.locator('input[name=nameZhTW]').inputValue()).toBe('遠東SOGO');

      await form.locator('input[name=nameEn]').fill('  ');
      await form.getByRole('button', { name: DIRECTORY.save }).click();
      await expect.poll(() => fieldError(form, 'nameEn')).toBe(en.fieldErrors.required);
      expect(await storedName('far-eastern-sogo')).toEqual({ 'zh-TW': '遠東SOGO', en: 'Far Eastern SOGO' });

      await form.locator('input[name=nameZhTW]').fill('遠東SOGO百貨');
      await form.locator('input[name=nameEn]').fill('Far Eastern SOGO Department Store');
      await form.getByRole('button', { name: DIRECTORY.save }).click();
      await expect
        .poll(() => page.getByTestId('merchant-outcome').textContent())
        .toBe(
          fillTemplate(DIRECTORY.saved, {
            name: 'Far Eastern SOGO Department Store',
            id: 'far-eastern-sogo',
          }),
        );
      await expect.poll(() => row.locator('td').first().textContent()).toBe('遠東SOGO百貨');
      expect(await storedName('far-eastern-sogo')).toEqual({
        'zh-TW': '遠東SOGO百貨',
        en: 'Far Eastern SOGO Department Store',
      });
      await shoot(page, 'rewards-merchants-console-desktop');

      const holder = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(holder, HOLDER);
      const rules = await planRules(holder, 'dining');
      await expect
        .poll(() => rules.textContent())
        .toContain(fillTemplate(zhTW.rewards.rule.merchants, { list: '遠東SOGO百貨、新光三越' }));
    });

    it('shows the preview the name of the merchant id typed, or that it has none yet', {
      timeout: 120_000,
    }, async () => {
      const page = await newPage({ ...DESKTOP, locale: 'en' });
      await logIn(page, BANK_ADMIN);
      await page.goto(url('/rewards/admin/preview'));
      const form = page.getByTestId('preview-form');
      await form.locator('input[name=merchantId]').fill('shin-kong-mitsukoshi');
      await expect
        .poll(() => form.getByTestId('merchant-note').textContent())
        .toBe(fillTemplate(DIRECTORY.previewName, { name: 'Shin Kong Mitsukoshi' }));
      await form.locator('input[name=merchantId]').fill('corner-bakery');
      await expect.poll(() => form.getByTestId('merchant-note').getAttribute('data-named')).toBe('no');
      expect(await form.getByTestId('merchant-note').textContent()).toContain(DIRECTORY.previewUnnamed);
    });

    it('marks a merchant a version names without a name, and names it from the channel editor', {
      timeout: 120_000,
    }, async () => {
      const page = await newPage({ ...DESKTOP, locale: 'zh-TW' });
      await logIn(page, BANK_ADMIN);
      await page.goto(url(`/rewards/admin/versions/${NEW_VERSION}/edit`));
      const unknown = page.locator('.merchant-chip[data-merchant=perplexity]');
      await expect.poll(() => unknown.getAttribute('data-named')).toBe('no');
      expect(await unknown.textContent()).toContain(zhTW.rewards.admin.directory.noName);
      const known = page.locator('.merchant-chip[data-merchant=chatgpt]');
      await expect.poll(() => known.textContent()).toBe('chatgptChatGPT');
      await shoot(page, 'rewards-merchants-channel-editor');

      await unknown.getByRole('link', { name: zhTW.rewards.admin.directory.addName }).click();
      await page.waitForURL(url('/rewards/admin/merchants?id=perplexity'));
      const unnamed = page.getByTestId('unnamed-merchants');
      await expect.poll(() => unnamed.locator('[data-merchant]').count()).toBe(1);
      const form = page.getByTestId('merchant-form');
      expect(await form.locator('input[name=merchantId]').inputValue()).toBe('perplexity');
      await form.locator('input[name=nameZhTW]').fill('Perplexity');
      await form.locator('input[name=nameEn]').fill('Perplexity');
      await form.locator('input[name=mcc]').fill('57a');
      await form.getByRole('button', { name: zhTW.rewards.admin.directory.save }).click();
      await expect.poll(() => fieldError(form, 'mcc')).toBe(zhTW.rewards.admin.directory.mccInvalid);
      expect(await storedName('perplexity')).toBeUndefined();

      await form.locator('input[name=mcc]').fill('');
      await form.getByRole('button', { name: zhTW.rewards.admin.directory.save }).click();
      await expect
        .poll(() => unnamed.textContent())
        .toBe(zhTW.rewards.admin.directory.unnamedTitle + zhTW.rewards.admin.directory.unnamedNone);
      expect(await storedName('perplexity')).toEqual({ 'zh-TW': 'Perplexity', en: 'Perplexity' });

      await page.goto(url(`/rewards/admin/versions/${NEW_VERSION}/edit`));
      await expect.poll(() => unknown.getAttribute('data-named')).toBe('yes');

      const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(phone, BANK_ADMIN);
      await phone.goto(url('/rewards/admin/merchants'));
      await phone.getByTestId('merchant-directory').waitFor();
      await shoot(phone, 'rewards-merchants-console-phone');
    });
  },
);
