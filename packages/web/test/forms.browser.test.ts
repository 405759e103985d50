/**
 * The forms `messages.browser.test.ts` does not reach, refused in the reader's language: the
 * note composer, comments and replies, a new board, the card app's plan switch and the bank
 * console's plan form, in zh-TW, zh-CN and en. The browser's own limits are removed, so the
 * server's answer is what shows; a Chinese page must show no Latin-script words in its errors,
 * and each error is the catalog's sentence for the code the server answered.
 */

import { taipeiInstant } from '@plaza/rewards';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { formatCalendarDate } from '../src/rewards/lib/format.ts';
import { PHONE } from './support/browser.ts';
import { LATIN_WORD, readableFormErrors } from './support/form-errors.ts';
import { browserForFile, logIn, shoot, unlimit } from './support/pages.ts';
import { gradientPng } from './support/png.ts';
import { BANK_ADMIN, HOLDER, type RewardsPlaza, startRewardsPlaza } from './support/rewards-fixture.ts';
import { seedAccount } from './support/seed.ts';

const LOCALES = [
  ['zh-TW', zhTW],
  ['zh-CN', zhCN],
  ['en', en],
] as const;
type Locale = (typeof LOCALES)[number][0];

let rewards: RewardsPlaza;
let noteId = '';
const pages = browserForFile();
const url = (path: string) => `${rewards.plaza.baseUrl}${path}`;

beforeAll(async () => {
  rewards = await startRewardsPlaza({ name: 'sqlite', url: 'sqlite::memory:' });
  const author = await seedAccount(rewards.plaza.baseUrl, 'night_market', 'zh-TW', '夜市小吃');
  const media = await author.upload(300, 400, [255, 200, 120], [230, 60, 60]);
  noteId = (await author.note('士林夜市必吃', '大腸包小腸 #夜市', ['夜市'], [media])).id;
}, 120_000);

afterAll(async () => {
  await rewards?.plaza.close();
});

async function open(locale: Locale, handle: string): Promise<Page> {
  const page = await pages().open({ ...PHONE, locale }, true);
  await logIn(page, rewards.plaza.baseUrl, handle);
  return page;
}

const readableErrors = async (locale: Locale, form: Locator, shot: string, _page: Page) =>
  (await readableFormErrors(locale, form, `forms-${shot}`)).join('\n');

describe('the remaining forms refuse bad input in the reader’s language', () => {
  for (const [locale, catalog] of LOCALES) {
    it(`the note composer, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale, HOLDER);
      await page.goto(url('/compose'));
      await page.locator('input[type=file]').setInputFiles([
        {
          name: 'stall.png',
          mimeType: 'image/png',
          buffer: gradientPng(300, 400, [250, 200, 120], [200, 60, 60]),
        },
      ]);
      await expect.poll(() => page.locator('.tile-status').count(), { timeout: 20_000 }).toBe(0);
      const form = page.locator('form.composer');
      await unlimit(form);
      // Too long a title is caught before sending, in the catalog's words.
      await page.fill('input[name=title]', '夜'.repeat(21));
      await page.fill('textarea[name=body]', '好吃');
      await form.locator('button[type=submit]').click();
      expect(await readableErrors(locale, form, 'compose-title', page)).toContain(
        catalog.compose.titleTooLong,
      );
      // A topic with punctuation is the server's to refuse.
      await page.fill('input[name=title]', '夜市');
      await page.getByPlaceholder(catalog.compose.topicsPlaceholder).fill('夜市!!');
      await page.keyboard.press('Enter');
      await form.locator('button[type=submit]').click();
      await expect
        .poll(() => form.locator('.field-error, .form-error').allTextContents(), { timeout: 15_000 })
        .toContain(catalog.fieldErrors.topic_characters);
      await readableErrors(locale, form, 'compose-topic', page);
    });

    it(`a comment and a reply too long, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale, HOLDER);
      await page.goto(url(`/notes/${noteId}`));
      const form = page.locator('form.comment-form');
      await unlimit(form);
      await form.locator('textarea').fill('好'.repeat(501));
      await form.locator('button[type=submit]').click();
      const tooLong = catalog.fieldErrors.too_long.replace('{{max}}', '500');
      expect(await readableErrors(locale, form, 'comment', page)).toContain(tooLong);

      await form.locator('textarea').fill('好吃');
      await form.locator('button[type=submit]').click();
      await page.getByRole('button', { name: catalog.note.reply, exact: true }).first().click();
      const reply = page.locator('form.comment-form');
      await unlimit(reply);
      await reply.locator('textarea').fill('對'.repeat(501));
      await reply.locator('button[type=submit]').click();
      expect(await readableErrors(locale, reply, 'reply', page)).toContain(tooLong);
    });

    it(`a new board with too long a name, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale, HOLDER);
      await page.goto(url(`/notes/${noteId}`));
      await page.getByRole('button', { name: catalog.note.collect }).first().click();
      const form = page.locator('form.board-new');
      await unlimit(form);
      await form.locator('input').first().fill('收'.repeat(31));
      await form.locator('button[type=submit]').click();
      expect(await readableErrors(locale, form, 'board', page)).toContain(
        catalog.fieldErrors.too_long.replace('{{max}}', '30'),
      );
    });

    it(`the bank console's new plan, two bad fields at once, in ${locale}`, { timeout: 90_000 }, async () => {
      const page = await open(locale, BANK_ADMIN);
      await page.goto(url('/rewards/admin/plans'));
      const form = page.locator('form', { has: page.locator('[name=planId]') });
      await unlimit(form);
      await form.locator('[name=planId]').fill('Bad Plan!');
      await form.locator('[name=nameZhTW]').fill('蘭'.repeat(101));
      await form.locator('[name=nameEn]').fill('Orchid');
      await form.locator('button[type=submit]').click();
      const errors = await readableErrors(locale, form, 'console-new-plan', page);
      expect(errors).toContain(catalog.fieldErrors.not_program_id.replace('{{max}}', '64'));
      expect(errors).toContain(catalog.fieldErrors.too_long.replace('{{max}}', '100'));
    });
  }
});

describe('a plan switch refused because the card switched today', () => {
  for (const [i, [locale, catalog]] of LOCALES.entries()) {
    it(`says when the next switch is possible, in ${locale}`, { timeout: 90_000 }, async () => {
      // Each language on a day of its own, so the card may switch once more.
      rewards.plaza.clock.set(taipeiInstant(`2026-03-1${i + 1}`, '10:00'));
      const page = await open(locale, HOLDER);
      await page.goto(url(`/rewards/cards/${rewards.card.id}/plans`));
      const choosable = page.locator('[data-plan]', {
        has: page.getByRole('button', { name: catalog.rewards.plan.choose, disabled: false }),
      });
      await choosable.first().waitFor();
      const plans = await choosable.evaluateAll((list) => list.map((e) => e.getAttribute('data-plan')));
      expect(plans.length).toBeGreaterThan(1);
      // The holder switches elsewhere (another device) while this page still offers the switch.
      const elsewhere = await rewards.holderCall('PUT', `/api/rewards/v1/cards/${rewards.card.id}/plan`, {
        planId: plans[1],
      });
      expect(elsewhere.status).toBe(200);
      await choosable.first().getByRole('button', { name: catalog.rewards.plan.choose }).click();
      const sheet = page.getByTestId('switch-confirm');
      await sheet.getByRole('button', { name: catalog.rewards.switch.confirm }).click();
      const message = catalog.rewards.errors.already_switched_today.replace(
        '{{nextSwitchDate}}',
        formatCalendarDate(`2026-03-1${i + 2}`, locale),
      );
      await expect.poll(() => sheet.locator('.form-error').textContent(), { timeout: 15_000 }).toBe(message);
      if (locale !== 'en') expect(message).not.toMatch(LATIN_WORD);
      await shoot(page, `forms-switch-refused-${locale}`);
    });
  }
});
