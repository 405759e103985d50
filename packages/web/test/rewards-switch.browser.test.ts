/**
 * A plan switch on a phone, in a real browser: the confirmation appears where the reader tapped
 * (the chosen plan's card, in view), and no "you already changed today" line stands beside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zhTW } from '../src/i18n/catalogs.ts';
import { PHONE, screenshotPath } from './support/browser.ts';
import { browserForFile, logIn } from './support/pages.ts';
import { HOLDER, type RewardsPlaza, startRewardsPlaza } from './support/rewards-fixture.ts';

let rewards: RewardsPlaza;
const pages = browserForFile();

beforeAll(async () => {
  rewards = await startRewardsPlaza({ name: 'sqlite', url: 'sqlite::memory:' });
}, 120_000);

afterAll(async () => {
  await rewards?.plaza.close();
});

// The first sentence of each "already changed today" message: the rule's and the refusal's.
const alreadySwitched = [zhTW.rewards.switch.ruleClosed, zhTW.rewards.errors.already_switched_today].map(
  (text) => text.split('。')[0] ?? text,
);

describe('switching plan on a phone', () => {
  it('confirms in view, beside the chosen plan, with no "already changed" line on the page', {
    timeout: 90_000,
  }, async () => {
    const { plaza, card } = rewards;
    const phone = await pages().open({ ...PHONE, locale: 'zh-TW' }, true);
    await logIn(phone, plaza.baseUrl, HOLDER);
    await phone.goto(`${plaza.baseUrl}/rewards/cards/${card.id}/plans`);
    await phone.locator('[data-plan]').first().waitFor();
    // The last plan the holder may pick: far down the list on a phone.
    const choosable = phone.locator('[data-plan]', {
      has: phone.getByRole('button', { name: zhTW.rewards.plan.choose, disabled: false }),
    });
    const plan = choosable.last();
    const planId = await plan.getAttribute('data-plan');
    await plan.getByRole('button', { name: zhTW.rewards.plan.choose }).click();
    await phone
      .getByTestId('switch-confirm')
      .getByRole('button', { name: zhTW.rewards.switch.confirm })
      .click();
    const done = phone.getByTestId('switch-done');
    await done.waitFor();
    await expect.poll(() => phone.getByTestId('switch-rule').getAttribute('data-state')).toBe('closed');

    // In the chosen plan's card, and inside the window once any scrolling has ended.
    expect(await phone.locator(`[data-plan="${planId}"]`).getByTestId('switch-done').count()).toBe(1);
    await expect
      .poll(() =>
        done.evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      )
      .toBe(true);
    const text = (await phone.locator('main').textContent()) ?? '';
    for (const sentence of alreadySwitched) expect(text).not.toContain(sentence);
    expect(await phone.getByTestId('switch-rule').textContent()).toContain(
      zhTW.pages.switch.nextChange.split('{{')[0],
    );
    await phone.screenshot({ path: screenshotPath('rewards-switch-done-phone') });

    // Later (another visit), the rule says plainly that today's change is used.
    await phone.reload();
    await phone.getByTestId('switch-rule').waitFor();
    expect(await phone.getByTestId('switch-rule').textContent()).toContain(alreadySwitched[0]);
    expect(await phone.getByTestId('switch-done').count()).toBe(0);
  });
});
