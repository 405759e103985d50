/**
 * The note page in a real browser: photos of any proportions fit the window with their dots, on
 * a desktop and a phone; a malformed address says "not found"; a failed upload in the composer
 * says why in the reader's language and can be tried again or removed; around the note, a follow
 * button by the author, a back button on phones, a "log in to comment" prompt, each topic once
 * and, on phones, the note's action bar alone at the bottom.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhTW } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { browserForFile, fillTemplate, logIn } from './support/pages.ts';
import { gradientPng } from './support/png.ts';
import { seedAccount } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

let plaza: RunningPlaza;
const pages = browserForFile();
const url = (path: string) => plaza.baseUrl + path;
const notes: Record<'tall' | 'wide' | 'topics', string> = { tall: '', wide: '', topics: '' };

beforeAll(async () => {
  plaza = await startPlaza();
  const author = await seedAccount(plaza.baseUrl, 'photo_fit', 'en', 'Photo fit');
  // A phone's portrait photo (3:4) and a panorama, each with a second photo so the dots show.
  const tall = await author.upload(1080, 1440, [250, 200, 120], [40, 60, 200]);
  const wide = await author.upload(1600, 600, [120, 220, 120], [200, 40, 40]);
  const square = await author.upload(400, 400, [20, 20, 20], [240, 240, 240]);
  notes.tall = (await author.note('A tall photo', 'Portrait #fit', ['fit'], [tall, square])).id;
  notes.wide = (await author.note('A wide photo', 'Panorama #fit', ['fit'], [wide, square])).id;
  const cover = await author.upload(300, 400, [90, 90, 200], [250, 250, 250]);
  notes.topics = (await author.note('Topics once', 'Dusk at the pier #fit', ['fit', 'sunset'], [cover])).id;
  await seedAccount(plaza.baseUrl, 'note_reader', 'en', 'Note reader');
}, 240_000);

afterAll(async () => {
  await plaza?.close();
});

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** The shown photo's and the dots' boxes, with the window's size. */
async function carouselBoxes(page: Page) {
  const box = (selector: string) =>
    page.locator(selector).evaluate((el): Box => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
    });
  await page
    .locator('.carousel-slide:not([aria-hidden=true]) img')
    .evaluate((img: HTMLImageElement) => img.decode());
  return {
    image: await box('.carousel-slide:not([aria-hidden=true]) img'),
    dots: await box('.carousel-dots'),
    window: await page.evaluate(() => ({ width: window.innerWidth, height: window.innerHeight })),
  };
}

const inside = (box: Box, window: { width: number; height: number }) =>
  box.top >= 0 && box.left >= 0 && box.bottom <= window.height && box.right <= window.width;

describe('the note page', () => {
  for (const [size, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    for (const shape of ['tall', 'wide'] as const) {
      it(`shows a ${shape} photo and its dots inside the window on a ${size}`, {
        timeout: 60_000,
      }, async () => {
        const page = await pages().open({ ...options, locale: 'en' });
        await page.goto(url(`/notes/${notes[shape]}`));
        const boxes = await carouselBoxes(page);
        await page.screenshot({ path: screenshotPath(`note-${shape}-photo-${size}`) });
        expect(inside(boxes.image, boxes.window), JSON.stringify(boxes)).toBe(true);
        expect(inside(boxes.dots, boxes.window), JSON.stringify(boxes)).toBe(true);
        // The photo is not shrunk to a stamp: it fills the frame in one direction.
        const height = boxes.image.bottom - boxes.image.top;
        const width = boxes.image.right - boxes.image.left;
        expect(Math.max(height / boxes.window.height, width / boxes.window.width)).toBeGreaterThan(0.4);
        // The dots lie on the photo's frame, not below the fold.
        expect(boxes.dots.bottom).toBeLessThanOrEqual(boxes.window.height);
        expect(await page.getByText(en.note.notFound).count()).toBe(0);
      });
    }
  }
});

describe('addresses and uploads that fail', () => {
  it('says "not found" for a malformed note address, with nothing to retry', async () => {
    const page = await pages().open({ ...PHONE, locale: 'en' });
    for (const path of ['/notes/not-an-id', '/collections/nope']) {
      await page.goto(url(path));
      await page.locator('.state-empty').waitFor();
      expect(await page.locator('.state-empty').textContent(), path).toMatch(/does not exist/);
      expect(await page.getByText(en.errors.validation_failed).count(), path).toBe(0);
      expect(await page.getByRole('button', { name: en.common.retry }).count(), path).toBe(0);
    }
    await page.goto(url('/notes/not-an-id'));
    await page.getByText(en.note.notFound).waitFor();
    await page.screenshot({ path: screenshotPath('note-malformed-address-phone') });
  });

  it('says why each upload failed in Chinese and lets the writer retry or remove it', {
    timeout: 90_000,
  }, async () => {
    const page = await pages().open({ ...DESKTOP, locale: 'zh-TW' }, true);
    await logIn(page, plaza.baseUrl, 'photo_fit');
    // Editing a note at a malformed address finds nothing either.
    await page.goto(url('/notes/not-an-id/edit'));
    await page.getByText(zhTW.note.notFound).waitFor();
    await page.goto(url('/compose'));
    const photo = (name: string) => ({
      name,
      mimeType: 'image/png',
      buffer: gradientPng(120, 160, [200, 100, 50], [20, 40, 200]),
    });
    // The server's own refusal of a file that is not an image.
    await page
      .locator('input[type=file]')
      .setInputFiles([{ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not a picture') }]);
    const tiles = page.getByTestId('picked-image');
    // The tile says it failed and offers the choices; the reason is written out in full below.
    const failure = (n: number, reason: string) =>
      page
        .locator(`[data-testid=upload-failure][data-photo="${n}"]`)
        .getByText(fillTemplate(zhTW.pages.upload.failedPhoto, { n, reason }), { exact: true });
    await failure(1, zhTW.pages.upload.unsupported).waitFor();
    await tiles.nth(0).getByText(zhTW.compose.uploadFailed).waitFor();
    // The same bytes would be refused again: only removing is offered.
    expect(
      await tiles.nth(0).getByRole('button', { name: zhTW.pages.upload.retry, exact: true }).count(),
    ).toBe(0);
    // Refusals the server gives under load or to a too-large file, answered here by the test.
    const refusals = [
      ['payload_too_large', 413, zhTW.pages.upload.tooLarge],
      ['uploads_busy', 503, zhTW.pages.upload.busy],
      ['rate_limited', 429, zhTW.pages.upload.rateLimited],
    ] as const;
    for (const [i, [code, status, text]] of refusals.entries()) {
      await page.route('**/api/v1/media', (route) =>
        route.fulfill({
          status,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: `/problems/${code}`,
            title: code,
            status,
            code,
            detail: 'Server detail in English',
          }),
        }),
      );
      await page.locator('input[type=file]').setInputFiles([photo(`${code}.png`)]);
      await failure(i + 2, text).waitFor();
      await page.unrouteAll();
    }
    expect(await page.getByText('Server detail in English').count()).toBe(0);
    await page.fill('input[name=title]', '上傳失敗的照片');
    await page.getByRole('button', { name: zhTW.compose.publish, exact: true }).click();
    await page.locator('.image-picker .field-error').waitFor();
    expect(await page.locator('.image-picker .field-error').textContent()).toBe(zhTW.pages.upload.fixFailed);
    expect(await page.getByText(zhTW.compose.stillUploading).count()).toBe(0);
    await page.screenshot({ path: screenshotPath('composer-failed-uploads-desktop') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: screenshotPath('composer-failed-uploads-phone-width') });
    await page.setViewportSize({ width: 1440, height: 900 });

    // Retrying the busy one now succeeds; removing the others leaves a note that publishes.
    await tiles.nth(2).getByRole('button', { name: zhTW.pages.upload.retry, exact: true }).click();
    await expect.poll(() => tiles.nth(2).locator('.tile-status').count(), { timeout: 20_000 }).toBe(0);
    for (const index of [3, 1, 0])
      await tiles.nth(index).getByRole('button', { name: zhTW.pages.upload.remove, exact: true }).click();
    await expect.poll(() => tiles.count()).toBe(1);
    await page.getByRole('button', { name: zhTW.compose.publish, exact: true }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]+$/);
  });
});

describe('around the note', () => {
  it('on a phone: back to where the reader came from, one bottom bar, a prompt to log in, topics once', {
    timeout: 60_000,
  }, async () => {
    const page = await pages().open({ ...PHONE, locale: 'en' });
    await page.goto(url('/u/photo_fit'));
    await page.locator('.note-card-link', { hasText: 'Topics once' }).click();
    await page.waitForURL(url(`/notes/${notes.topics}`));
    await page.locator('.note-title').waitFor();

    // The note's action bar sits at the bottom of the window, with no tab bar under it.
    expect(await page.locator('.tabbar').isVisible()).toBe(false);
    const bar = await page.locator('.note-actions').evaluate((el) => ({
      bottom: el.getBoundingClientRect().bottom,
      height: window.innerHeight,
    }));
    expect(Math.abs(bar.bottom - bar.height)).toBeLessThanOrEqual(1);

    // A reader who is not signed in is invited to log in instead of finding no comment box.
    expect(await page.locator('.comments textarea').count()).toBe(0);
    const prompt = page.getByRole('link', { name: en.pages.note.logInToComment });
    expect(await prompt.getAttribute('href')).toBe('/login');
    // #fit is linked in the body and not repeated as a chip; #sunset, not in the body, shows once.
    expect(await page.getByRole('link', { name: '#fit' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: '#sunset' }).count()).toBe(1);
    await page.screenshot({ path: screenshotPath('note-logged-out-phone') });

    await page.getByRole('button', { name: en.common.back }).click();
    await page.waitForURL(url('/u/photo_fit'));
    // Opened from a shared link, back leads to Discover rather than out of Plaza.
    await page.goto(url(`/notes/${notes.topics}`));
    await page.getByRole('button', { name: en.common.back }).click();
    await page.waitForURL(url('/'));
  });

  it('on a desktop: follow the author from the note; no back button', { timeout: 60_000 }, async () => {
    const page = await pages().open({ ...DESKTOP, locale: 'en' });
    await logIn(page, plaza.baseUrl, 'note_reader');
    await page.goto(url(`/notes/${notes.topics}`));
    const header = page.locator('.note-author');
    await header.getByRole('button', { name: en.profile.follow, exact: true }).click();
    await header.getByRole('button', { name: en.profile.unfollow, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: en.common.back }).isVisible()).toBe(false);
    expect(await page.locator('.comments textarea').count()).toBe(1);
    await page.screenshot({ path: screenshotPath('note-follow-desktop') });
    // The follow is real: the author's profile says so after a reload.
    await page.goto(url('/u/photo_fit'));
    await page.getByRole('button', { name: en.profile.unfollow, exact: true }).waitFor();
  });
});
