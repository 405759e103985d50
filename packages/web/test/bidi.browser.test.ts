/**
 * A display name or bio holding a right-to-left override cannot make the profile page show
 * text in another order than it says: the name is refused, the bio kept without the override.
 * What is checked is the order on screen, measured character by character.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/catalogs.ts';
import { DESKTOP } from './support/browser.ts';
import { browserForFile, fieldError, logIn } from './support/pages.ts';
import { SeedClient } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

// Says "abcgpj.exe"; with the override (U+202E) a browser shows "abcexe.jpg".
const SPOOF = 'abc\u202Egpj.exe';

let plaza: RunningPlaza;
const pages = browserForFile();

beforeAll(async () => {
  plaza = await startPlaza();
  await new SeedClient(plaza.baseUrl).signUp('bidi_web', 'en', 'Plain Name');
}, 120_000);

afterAll(async () => {
  await plaza?.close();
});

/** The element's visible characters in the order they stand on screen, left to right. */
function onScreen(element: Locator): Promise<string> {
  return element.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const placed: { char: string; x: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (let i = 0; i < text.length; i += 1) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        // Direction controls take no room: they are not seen, only their effect is.
        if (box.width > 0) placed.push({ char: text[i] ?? '', x: box.left });
      }
    }
    return placed
      .sort((a, b) => a.x - b.x)
      .map((p) => p.char)
      .join('');
  });
}

async function showOnPage(page: Page, text: string): Promise<Locator> {
  await page.evaluate((t) => {
    const p = document.createElement('p');
    p.id = 'calibration';
    p.textContent = t;
    document.body.prepend(p);
  }, text);
  return page.locator('#calibration');
}

describe('direction controls on the profile page', () => {
  it('refuses a reversing display name and shows a bio only in the order it says', {
    timeout: 90_000,
  }, async () => {
    const page = await pages().open({ ...DESKTOP, locale: 'en' }, true);
    await logIn(page, plaza.baseUrl, 'bidi_web');
    // The measurement sees a reversal when there is one.
    expect(await onScreen(await showOnPage(page, SPOOF))).toBe('abcexe.jpg');

    await page.goto(`${plaza.baseUrl}/settings`);
    const form = page.locator('form', { has: page.locator('input[name=displayName]') });
    await form.locator('input[name=displayName]').fill(SPOOF);
    await form.locator('textarea[name=bio]').fill(`Get ${SPOOF}`);
    await form.getByRole('button', { name: en.common.save }).click();
    await expect.poll(() => form.locator('.form-error').textContent()).toBe(en.errors.bidi_control);
    expect(await fieldError(form, 'displayName')).toContain('U+202E');

    // The bio alone is accepted, without its override.
    await form.locator('input[name=displayName]').fill('Plain Name');
    await form.getByRole('button', { name: en.common.save }).click();
    await expect.poll(() => form.locator('.form-error').count()).toBe(0);

    await page.goto(`${plaza.baseUrl}/u/bidi_web`);
    const name = page.locator('.profile-name');
    const bio = page.locator('.profile-bio');
    await expect.poll(() => bio.textContent()).toBe('Get abcgpj.exe');
    expect(await name.textContent()).toBe('Plain Name');
    expect(await onScreen(bio)).toBe('Get abcgpj.exe');
    expect(await onScreen(name)).toBe('Plain Name');
  });
});
