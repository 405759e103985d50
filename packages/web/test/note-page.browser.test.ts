/**
 * The note page in a real browser: photos of any proportions fit the window with their dots, on
 * a desktop and a phone; a malformed address says "not found".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { browserForFile } from './support/pages.ts';
import { seedAccount } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

let plaza: RunningPlaza;
const pages = browserForFile();
const url = (path: string) => plaza.baseUrl + path;
const notes: Record<'tall' | 'wide', string> = { tall: '', wide: '' };

beforeAll(async () => {
  plaza = await startPlaza();
  const author = await seedAccount(plaza.baseUrl, 'photo_fit', 'en', 'Photo fit');
  // A phone's portrait photo (3:4) and a panorama, each with a second photo so the dots show.
  const tall = await author.upload(1080, 1440, [250, 200, 120], [40, 60, 200]);
  const wide = await author.upload(1600, 600, [120, 220, 120], [200, 40, 40]);
  const square = await author.upload(400, 400, [20, 20, 20], [240, 240, 240]);
  notes.tall = (await author.note('A tall photo', 'Portrait #fit', ['fit'], [tall, square])).id;
  notes.wide = (await author.note('A wide photo', 'Panorama #fit', ['fit'], [wide, square])).id;
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
  await page.locator('.carousel-slide:not([aria-hidden=true]) img').evaluate((img: HTMLImageElement) =>
    img.decode(),
  );
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
