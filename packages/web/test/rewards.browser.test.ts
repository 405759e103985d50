/**
 * The Rewards card app and the bank's console in a real browser against a real Plaza (Community
 * + Rewards, on SQLite and on PostgreSQL when PLAZA_TEST_DATABASE_URL is set): the holder switches plan and is refused a second switch the
 * same day with the rule explained; a settlement posted by the bank shows up with its points and
 * their explanation, pending and then available; the console's preview; screenshots of every
 * Rewards page on a phone and a desktop, none wider than the screen.
 */

import { taipeiInstant } from '@plaza/rewards';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { formatCalendarDate } from '../src/rewards/lib/format.ts';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { browserForFile, fillTemplate, logIn as logInAs, shoot } from './support/pages.ts';
import {
  BANK_ADMIN,
  browserDatabase,
  HOLDER,
  type RewardsPlaza,
  startRewardsPlaza,
} from './support/rewards-fixture.ts';
import type { RunningPlaza } from './support/server.ts';

let rewards: RewardsPlaza;
let plaza: RunningPlaza;
let cardId = '';

const url = (path: string) => plaza.baseUrl + path;
const pages = browserForFile();
const newPage = (options: BrowserContextOptions) => pages().open(options, true);
const logIn = (page: Page, handle: string) => logInAs(page, plaza.baseUrl, handle);
const adminCall: RewardsPlaza['adminCall'] = (method, path, body) => rewards.adminCall(method, path, body);

// The bank's settlement of a purchase at 新光三越 (a 樂饗購 department store) on the switch day.
const SETTLEMENT = {
  id: 'net-settle-0001',
  type: 'settlement',
  amount: 300_000, // NT$3,000 in minor units
  currency: 'TWD',
  billedAmountTwd: 300_000,
  merchant: { id: 'shin-kong-mitsukoshi', name: '新光三越 信義新天地', mcc: '5311', country: 'TW' },
  transactionAt: '2026-03-10T18:00:00+08:00',
  settledAt: '2026-03-12T09:00:00+08:00',
};

describe.each([browserDatabase()])('Plaza Rewards in the browser ($name)', (database) => {
  beforeAll(async () => {
    rewards = await startRewardsPlaza(database);
    plaza = rewards.plaza;
    cardId = rewards.card.id;
  }, 120_000);

  afterAll(async () => {
    await plaza?.close();
  });

  describe('Plaza Rewards card app in the browser', () => {
    it('the holder switches plan; a second switch the same day is refused with the rule explained', {
      timeout: 120_000,
    }, async () => {
      const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(phone, HOLDER);
      await phone.locator('.topbar-rewards').click();
      await phone.waitForURL(url('/rewards'));
      await phone.locator('.rewards-card-link').first().click();
      await phone.waitForURL(url(`/rewards/cards/${cardId}`));
      expect(await phone.getByTestId('current-plan').textContent()).toContain(zhTW.rewards.card.noPlan);

      // A second device has the chooser open too, before the first switch.
      const other = await newPage({ ...DESKTOP, locale: 'zh-TW' });
      await logIn(other, HOLDER);
      await other.goto(url(`/rewards/cards/${cardId}/plans`));
      await other.locator('[data-plan=digital]').waitFor();

      await phone.getByRole('link', { name: zhTW.rewards.tabs.plans, exact: true }).click();
      await phone.waitForURL(url(`/rewards/cards/${cardId}/plans`));
      // The once-a-day rule is shown before the holder switches.
      expect(await phone.getByTestId('switch-rule').getAttribute('data-state')).toBe('open');
      expect(await phone.getByTestId('switch-rule').textContent()).toBe(zhTW.rewards.switch.ruleOpen);
      // Rates at the holder's level (2): 樂饗購 pays 3% at its channels.
      const dining = phone.locator('[data-plan=dining]');
      expect(await dining.locator('.rewards-rate').first().textContent()).toBe('3%');
      await dining.getByRole('button', { name: zhTW.rewards.plan.choose }).click();
      const confirm = phone.getByTestId('switch-confirm');
      expect(await confirm.textContent()).toContain(zhTW.rewards.switch.confirmOnce);
      await shoot(phone, 'rewards-switch-confirm-phone');
      await confirm.getByRole('button', { name: zhTW.rewards.switch.confirm }).click();
      await phone.getByTestId('switch-done').waitFor();
      await expect.poll(() => phone.getByTestId('switch-rule').getAttribute('data-state')).toBe('closed');
      await expect.poll(() => dining.locator('.badge-current').count()).toBe(1);
      expect(await phone.getByTestId('card-face').textContent()).toContain('樂饗購');
      expect(await phone.locator('[data-plan=digital] button').isDisabled()).toBe(true);

      // The other device, still showing the state before the switch, tries again: refused, rule explained.
      await other
        .locator('[data-plan=digital]')
        .getByRole('button', { name: zhTW.rewards.plan.choose })
        .click();
      await other
        .getByTestId('switch-confirm')
        .getByRole('button', { name: zhTW.rewards.switch.confirm })
        .click();
      await expect
        .poll(() => other.getByTestId('switch-confirm').locator('.form-error').textContent())
        .toBe(
          fillTemplate(zhTW.rewards.errors.already_switched_today, {
            // The fixture's clock stands on 10 March: the next switch is from the 11th.
            nextSwitchDate: formatCalendarDate('2026-03-11', 'zh-TW'),
          }),
        );
      await expect.poll(() => other.getByTestId('switch-rule').getAttribute('data-state')).toBe('closed');

      await phone.getByRole('link', { name: zhTW.rewards.tabs.history, exact: true }).click();
      await expect.poll(() => phone.getByTestId('plan-history').locator('li').count()).toBe(1);
      expect(await phone.getByTestId('plan-history').textContent()).toContain('樂饗購');
    });

    it('a settlement arrives: the transaction shows its points and, on tap, their explanation', {
      timeout: 120_000,
    }, async () => {
      plaza.clock.set(taipeiInstant('2026-03-12', '10:00'));
      const posted = await adminCall<{ status: string; points: number }>('POST', '/api/rewards/v1/events', {
        ...SETTLEMENT,
        cardId,
      });
      expect(posted.status, JSON.stringify(posted.body)).toBe(201);
      // Level 2 樂饗購 at a listed department store: 3% of NT$3,000 = 9 general + 81 bonus.
      expect(posted.body).toMatchObject({ status: 'applied', points: 90 });

      const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(phone, HOLDER);
      await phone.goto(url(`/rewards/cards/${cardId}/transactions`));
      const row = phone.locator('[data-transaction]').first();
      await row.waitFor();
      expect(await row.textContent()).toContain('新光三越');
      expect(await row.getByTestId('tx-points').textContent()).toBe('+90 點');
      expect(await row.textContent()).toContain('90 點待生效');
      await row.locator('button').click();
      const sheet = phone.getByTestId('explanation');
      await expect.poll(() => sheet.locator('.rewards-line').count()).toBe(2);
      expect(await sheet.getByTestId('explanation-total').textContent()).toBe('+90 點');
      const lines = await sheet.locator('.rewards-line').allTextContents();
      expect(lines[0]).toContain(zhTW.rewards.tx.line.general);
      expect(lines[0]).toContain('+9');
      expect(lines[1]).toContain(zhTW.rewards.tx.line.bonus);
      expect(lines[1]).toContain('+81');
      expect(lines[1]).toContain('樂饗購'); // the sentence names the plan, in the UI language
      await shoot(phone, 'rewards-explanation-phone');

      // The same explanation for an English reader is in English.
      const desk = await newPage({ ...DESKTOP, locale: 'en' });
      await logIn(desk, HOLDER);
      await desk.goto(url(`/rewards/cards/${cardId}/transactions`));
      await desk.locator('[data-transaction] button').first().click();
      await expect.poll(() => desk.getByTestId('explanation').locator('.rewards-line').count()).toBe(2);
      const english = await desk.getByTestId('explanation').locator('.rewards-line-text').allTextContents();
      expect(english[1]).toMatch(/Dining & Shopping/);
      expect(english.join(' ')).not.toMatch(/\p{Script=Han}{2}/u);

      // Simplified readers get the explanation in Simplified script.
      const cn = await newPage({ ...PHONE, locale: 'zh-CN' });
      await logIn(cn, HOLDER);
      await cn.goto(url(`/rewards/cards/${cardId}/transactions`));
      await cn.locator('[data-transaction] button').first().click();
      await expect
        .poll(() => cn.getByTestId('explanation').locator('.rewards-line').nth(1).textContent())
        .toContain('乐飨购');
      expect(await cn.getByTestId('explanation').locator('.rewards-line-kind').first().textContent()).toBe(
        zhCN.rewards.tx.line.general,
      );

      // Pending now; on the 2nd business day after settlement (Thu 12 → Mon 16 March) available.
      await phone.goto(url(`/rewards/cards/${cardId}/points`));
      await expect.poll(() => phone.getByTestId('points-pending').textContent()).toBe('90');
      expect(await phone.getByTestId('points-available').textContent()).toBe('0');
      plaza.clock.set(taipeiInstant('2026-03-16', '10:00'));
      await phone.reload();
      await expect.poll(() => phone.getByTestId('points-available').textContent()).toBe('90');
      expect(await phone.getByTestId('points-pending').textContent()).toBe('0');
      const kinds = await phone
        .locator('.rewards-posting')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
      // Newest first: the release to available, then what the settlement earned (one posting per line).
      expect(kinds[0]).toBe('release');
      expect(new Set(kinds.slice(1))).toEqual(new Set(['earn']));
    });
  });

  describe('the bank console in the browser', () => {
    it('previews a purchase under every plan; a cardholder is told the console is not for them', {
      timeout: 120_000,
    }, async () => {
      const page = await newPage({ ...DESKTOP, locale: 'zh-TW' });
      await logIn(page, BANK_ADMIN);
      await page.goto(url('/rewards/admin'));
      await page.waitForURL(url('/rewards/admin/plans'));
      await page.getByTestId('admin-catalog').locator('[data-plan=digital]').waitFor();
      await page.getByRole('link', { name: zhTW.rewards.admin.tabs.preview, exact: true }).click();
      const form = page.getByTestId('preview-form');
      // The example: NT$1,000 on 玩數位 at Level 2 earns 30 points.
      await form.locator('input[name=amount]').fill('1000');
      await form.locator('input[name=merchantId]').fill('netflix');
      await form.locator('input[name=merchantName]').fill('Netflix');
      await form.locator('input[name=mcc]').fill('4899');
      await form.locator('select[name=presence]').selectOption('online');
      await form.locator('input[name=transactionAt]').fill('2026-03-16T12:00');
      await form.locator('select[name=level]').selectOption('2');
      await form.getByRole('button', { name: zhTW.rewards.preview.run }).click();
      const results = page.getByTestId('preview-results');
      await results.waitFor();
      expect(await results.locator('[data-plan=digital] [data-testid=preview-points]').textContent()).toBe(
        '30 點',
      );
      // A plan without a channel for Netflix earns the general 0.3%: NT$3.
      expect(await results.locator('[data-plan=dining] [data-testid=preview-points]').textContent()).toBe(
        '3 點',
      );
      expect(await results.locator('[data-plan=digital] .rewards-line').count()).toBe(2);
      await shoot(page, 'rewards-admin-preview-results-desktop');

      // Bad input is refused with the field named, and nothing else changes.
      await form.locator('input[name=amount]').fill('12abc');
      await form.getByRole('button', { name: zhTW.rewards.preview.run }).click();
      await expect
        .poll(() =>
          form
            .locator('.field', { has: page.locator('input[name=amount]') })
            .locator('.field-error')
            .textContent(),
        )
        .toBe(zhTW.rewards.preview.problem.amount);

      const holder = await newPage({ ...PHONE, locale: 'en' });
      await logIn(holder, HOLDER);
      await holder.goto(url('/rewards/admin'));
      await holder.getByTestId('admin-not-allowed').waitFor();
      expect(await holder.getByTestId('admin-not-allowed').textContent()).toContain(
        en.rewards.admin.notAllowed,
      );
      await shoot(holder, 'rewards-admin-not-allowed-phone');
    });

    it('creates a plan and a version, schedules it, and holders see it on the shelf', {
      timeout: 120_000,
    }, async () => {
      // A Monday; the new version's window starts today, so scheduling it "now" puts it on the shelf.
      plaza.clock.set(taipeiInstant('2026-03-16', '10:00'));
      const page = await newPage({ ...DESKTOP, locale: 'en' });
      await logIn(page, BANK_ADMIN);
      await page.goto(url('/rewards/admin/plans'));
      await page.locator('input[name=planId]').fill('cinema');
      await page.locator('input[name=nameZhTW]').fill('電影院');
      await page.locator('input[name=nameEn]').fill('Cinema');
      await page.getByRole('button', { name: en.rewards.admin.createPlan }).click();
      await page.waitForURL(url('/rewards/admin/plans/cinema'));
      await page.getByRole('link', { name: en.rewards.admin.newVersion }).click();
      await page.waitForURL(url('/rewards/admin/plans/cinema/versions/new'));
      const form = page.getByTestId('version-form');
      await form.locator('input[name=zhTW]').fill('電影院');
      await form.locator('input[name=en]').fill('Cinema');
      await form.locator('input[name=validFrom]').fill('2026-03-16');
      await form.locator('input[name=validTo]').fill('2026-06-30');
      await form.locator('input[name="channels/0/id"]').fill('cinema.theatres');
      await form.locator('input[name="channels/0/zhTW"]').fill('電影院');
      await form.locator('input[name="channels/0/en"]').fill('Cinemas');
      // A rate below the general 0.3% is refused by the program check, beside the field.
      await form.locator('input[name="channels/0/rate/1"]').fill('0.1');
      await form.locator('input[name="channels/0/rules/0/mcc"]').fill('7832');
      await form.getByRole('button', { name: en.rewards.admin.saveDraft }).click();
      await form.locator('.field-error').first().waitFor();
      expect(page.url()).toBe(url('/rewards/admin/plans/cinema/versions/new'));
      await form.locator('input[name="channels/0/rate/1"]').fill('5');
      await form.getByRole('button', { name: en.rewards.admin.saveDraft }).click();
      await page.waitForURL(url('/rewards/admin/plans/cinema'));
      const version = page.locator('[data-version]').first();
      expect(await version.getAttribute('data-state')).toBe('draft');
      await shoot(page, 'rewards-admin-plan-desktop');
      await version.getByRole('button', { name: en.rewards.admin.putOnShelf }).click();
      await expect.poll(() => version.getAttribute('data-state')).toBe('on_shelf');

      const holder = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(holder, HOLDER);
      await holder.goto(url(`/rewards/cards/${cardId}/plans`));
      const cinema = holder.locator('[data-plan=cinema]');
      await cinema.waitFor();
      expect(await cinema.locator('.rewards-rate').first().textContent()).toBe('5%');
    });
  });

  describe('eligibility in the chooser', () => {
    it('慶生月 in the birth month may be picked; 童樂匯 without the kids flag may not, and says so', {
      timeout: 120_000,
    }, async () => {
      plaza.clock.set(taipeiInstant('2026-03-16', '11:00'));
      // The bank puts both plans back on the shelf from today with new versions of their terms.
      const catalog = await adminCall<{ plans: { id: string; versions: Record<string, unknown>[] }[] }>(
        'GET',
        '/api/rewards/v1/admin/catalog',
      );
      for (const planId of ['birthday', 'kids']) {
        const last = catalog.body.plans.find((p) => p.id === planId)?.versions.at(-1);
        expect(last, planId).toBeDefined();
        const { names, eligibility, channels, caps } = last as Record<string, unknown>;
        const added = await adminCall<{ id: string }>(
          'POST',
          `/api/rewards/v1/admin/plans/${planId}/versions`,
          {
            names,
            eligibility,
            channels,
            caps,
            validFrom: '2026-03-16',
            validTo: '2026-06-30',
          },
        );
        expect(added.status, JSON.stringify(added.body)).toBe(201);
        const scheduled = await adminCall(
          'POST',
          `/api/rewards/v1/admin/versions/${added.body.id}/schedule`,
          {},
        );
        expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(200);
      }

      const phone = await newPage({ ...PHONE, locale: 'zh-TW' });
      await logIn(phone, HOLDER);
      await phone.goto(url(`/rewards/cards/${cardId}/plans`));
      // The holder was born in March: 慶生月 is theirs to pick this month.
      const birthday = phone.locator('[data-plan=birthday]');
      await birthday.waitFor();
      expect(await birthday.locator('.rewards-eligibility').getAttribute('data-eligible')).toBe('true');
      expect(await birthday.locator('.rewards-eligibility').textContent()).toContain(
        zhTW.rewards.eligibility.yes,
      );
      expect(await birthday.getByRole('button', { name: zhTW.rewards.plan.choose }).isEnabled()).toBe(true);
      const kids = phone.locator('[data-plan=kids]');
      expect(await kids.locator('.rewards-eligibility').getAttribute('data-eligible')).toBe('false');
      expect(await kids.locator('.rewards-eligibility').textContent()).toContain(zhTW.rewards.eligibility.no);
      expect(await kids.getByRole('button', { name: zhTW.rewards.plan.choose }).isDisabled()).toBe(true);
      await kids.scrollIntoViewIfNeeded();
      await phone.screenshot({ path: screenshotPath('rewards-eligibility-phone') });
    });
  });

  describe('screenshots', () => {
    it('saves every Rewards page on a phone and a desktop', { timeout: 180_000 }, async () => {
      const holderPages: [string, string][] = [
        ['rewards-cards', '/rewards'],
        ['rewards-overview', `/rewards/cards/${cardId}`],
        ['rewards-plans', `/rewards/cards/${cardId}/plans`],
        ['rewards-transactions', `/rewards/cards/${cardId}/transactions`],
        ['rewards-points', `/rewards/cards/${cardId}/points`],
        ['rewards-history', `/rewards/cards/${cardId}/history`],
      ];
      const adminPages: [string, string][] = [
        ['rewards-admin-catalog', '/rewards/admin/plans'],
        ['rewards-admin-dining', '/rewards/admin/plans/dining'],
        ['rewards-admin-new-version', '/rewards/admin/plans/dining/versions/new'],
        ['rewards-admin-preview', '/rewards/admin/preview'],
      ];
      for (const [size, options, locale] of [
        ['phone', PHONE, 'zh-TW'],
        ['desktop', DESKTOP, 'en'],
      ] as const) {
        for (const [who, pages] of [
          [HOLDER, holderPages],
          [BANK_ADMIN, adminPages],
        ] as const) {
          const page = await newPage({ ...options, locale });
          await logIn(page, who);
          for (const [name, path] of pages) {
            await page.goto(url(path));
            await shoot(page, `${name}-${size}`);
          }
        }
      }
      // Simplified Chinese: the catalog's strings, and the API's names converted on screen.
      const cn = await newPage({ ...PHONE, locale: 'zh-CN' });
      await logIn(cn, HOLDER);
      await cn.goto(url(`/rewards/cards/${cardId}/plans`));
      await expect.poll(() => cn.locator('[data-plan=dining] .section-title').textContent()).toBe('乐飨购');
      await shoot(cn, 'rewards-plans-phone-zh-CN');
    });
  });
});
