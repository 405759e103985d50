/**
 * Social features around the feed in a real browser: liking from a grid card, liking comments
 * and ordering them, board covers, notifications that quote the comment and group by kind, and
 * the profile's total of likes and collects received; one Discover/Following switch, and one
 * search box on a phone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhTW } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { browserForFile, logIn } from './support/pages.ts';
import { type SeedClient, seedAccount } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

// The discover feed re-ranks every 2 minutes of server time (feed/snapshots.ts).
const DISCOVER_REFRESH_MS = 121_000;

let plaza: RunningPlaza;
let author: SeedClient;
let noteId = '';
const pages = browserForFile();
const url = (path: string) => plaza.baseUrl + path;

beforeAll(async () => {
  plaza = await startPlaza();
  author = await seedAccount(plaza.baseUrl, 'card_author', 'en', 'Card author');
  await seedAccount(plaza.baseUrl, 'card_reader', 'en', 'Card reader');
  const media = await author.upload(300, 400, [250, 120, 120], [120, 120, 250]);
  noteId = (await author.note('Liked from the grid', 'Tap the heart #cards', ['cards'], [media])).id;
  plaza.clock.advance(DISCOVER_REFRESH_MS);
}, 240_000);

afterAll(async () => {
  await plaza?.close();
});

const cardOf = (page: Page, title: string) => page.locator('.note-card', { hasText: title });

describe('comments', () => {
  it('orders newest or most liked first, and likes a comment', { timeout: 60_000 }, async () => {
    const fans = [
      await seedAccount(plaza.baseUrl, 'fan_one', 'en', 'Fan one'),
      await seedAccount(plaza.baseUrl, 'fan_two', 'en', 'Fan two'),
    ];
    const first = await fans[0]!.comment(noteId, 'First and most liked');
    await fans[1]!.comment(noteId, 'Second comment');
    await fans[0]!.comment(noteId, 'Third and newest');
    for (const fan of fans) await fan.likeComment(first.id);

    const page = await pages().open({ ...DESKTOP, locale: 'en' });
    await logIn(page, plaza.baseUrl, 'card_reader');
    await page.goto(url(`/notes/${noteId}`));
    const texts = () => page.locator('.comment-list > .comment .comment-text').allTextContents();
    await expect.poll(texts).toEqual(['Third and newest', 'Second comment', 'First and most liked']);
    await page.getByRole('button', { name: en.pages.comments.mostLiked }).click();
    await expect.poll(texts).toEqual(['First and most liked', 'Third and newest', 'Second comment']);
    const top = page.locator('.comment-list > .comment').first();
    expect(await top.getByTestId('comment-like-count').textContent()).toBe('2');

    const second = page.locator('.comment', { hasText: 'Second comment' });
    await second.getByRole('button', { name: en.pages.comments.like }).click();
    await expect.poll(() => second.getByTestId('comment-like-count').textContent()).toBe('1');
    expect(
      await second.getByRole('button', { name: en.pages.comments.unlike }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.screenshot({ path: screenshotPath('note-comments-most-liked-desktop') });
    // Stored: after a reload the like is still the reader's.
    await page.reload();
    await expect
      .poll(() =>
        page
          .locator('.comment', { hasText: 'Second comment' })
          .getByRole('button', { name: en.pages.comments.unlike })
          .count(),
      )
      .toBe(1);
  });
});

describe('boards', () => {
  it("show the photos of their latest notes on the profile's boards tab", { timeout: 60_000 }, async () => {
    const page = await pages().open({ ...PHONE, locale: 'en' });
    await logIn(page, plaza.baseUrl, 'card_reader');
    await page.goto(url(`/notes/${noteId}`));
    await page.getByRole('button', { name: en.note.collect, exact: true }).click();
    await page.getByRole('button', { name: en.collect.noBoard }).click();
    await expect.poll(() => page.getByTestId('collect-count').textContent()).toBe('1');
    await page.goto(url('/u/card_reader/collections'));
    const tile = page.locator('.collection-tile').first();
    await tile.waitFor();
    await expect.poll(() => tile.locator('.collection-cover img').count()).toBe(1);
    await tile.locator('.collection-cover img').evaluate((img: HTMLImageElement) => img.decode());
    expect(
      await tile.locator('.collection-cover img').evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('profile-boards-covers-phone') });
  });
});

describe('feed cards', () => {
  it('like from the card: the heart fills and the count follows the server', {
    timeout: 60_000,
  }, async () => {
    const page = await pages().open({ ...PHONE, locale: 'en' });
    await logIn(page, plaza.baseUrl, 'card_reader');
    const card = cardOf(page, 'Liked from the grid');
    await card.waitFor();
    const heart = card.getByRole('button', { name: new RegExp(`^${en.note.like}`) });
    expect(await heart.getAttribute('aria-pressed')).toBe('false');
    await heart.click();
    await expect.poll(() => card.getByTestId('card-like-count').textContent()).toBe('1');
    expect(await card.locator('button.note-card-likes').getAttribute('aria-pressed')).toBe('true');
    await page.screenshot({ path: screenshotPath('feed-card-liked-phone') });
    // Still on the page: the like is stored, and the note page agrees.
    await page.goto(url(`/notes/${noteId}`));
    await expect.poll(() => page.getByTestId('like-count').textContent()).toBe('1');
    // Taking it back from the card.
    await page.goto(url('/'));
    await card.locator('button.note-card-likes').click();
    await expect.poll(() => card.getByTestId('card-like-count').textContent()).toBe('0');
  });

  it('a reader who is not signed in is sent to log in', { timeout: 60_000 }, async () => {
    const page = await pages().open({ ...DESKTOP, locale: 'en' });
    await page.goto(url('/'));
    await cardOf(page, 'Liked from the grid').locator('button.note-card-likes').click();
    await page.waitForURL(url('/login'));
  });
});

describe('notifications', () => {
  it('quote the comment and show one group at a time', { timeout: 60_000 }, async () => {
    const follower = await seedAccount(plaza.baseUrl, 'new_follower', 'zh-TW', '新粉絲');
    await follower.follow('card_author');
    const page = await pages().open({ ...PHONE, locale: 'zh-TW' }, true);
    await logIn(page, plaza.baseUrl, 'card_author');
    await page.goto(url('/notifications'));
    const rows = page.locator('.notification');
    const kinds = () => rows.evaluateAll((list) => list.map((row) => row.getAttribute('data-kind')).sort());
    const comment = rows.filter({ hasText: 'Third and newest' });
    await comment.waitFor();
    expect(await comment.getAttribute('data-kind')).toBe('comment');
    expect(await comment.locator('.notification-quote').textContent()).toBe('Third and newest');

    const group = (label: string) =>
      page
        .getByRole('group', { name: zhTW.pages.notifications.groups })
        .getByRole('button', { name: label, exact: true });
    await group(zhTW.pages.notifications.comments).click();
    await expect.poll(kinds).toEqual(['comment', 'comment', 'comment']);
    await group(zhTW.pages.notifications.likes).click();
    // The card test's like stays noted though it was taken back.
    await expect.poll(kinds).toEqual(['collect', 'like']);
    await group(zhTW.pages.notifications.follows).click();
    await expect.poll(kinds).toEqual(['follow']);
    await page.screenshot({ path: screenshotPath('notifications-follows-phone') });
    await group(zhTW.pages.notifications.all).click();
    await expect.poll(kinds).toEqual(['collect', 'comment', 'comment', 'comment', 'follow', 'like']);
    await page.screenshot({ path: screenshotPath('notifications-all-phone') });
  });
});

describe('profile', () => {
  it('shows the likes and collects its notes received', { timeout: 60_000 }, async () => {
    // By now the note has one collect (boards test) and two comment likes, which do not count.
    await seedAccount(plaza.baseUrl, 'late_fan', 'en', 'Late fan').then((fan) => fan.like(noteId));
    const page = await pages().open({ ...DESKTOP, locale: 'zh-TW' }, true);
    await page.goto(url('/u/card_author'));
    const total = page.getByTestId('likes-and-collects');
    await expect.poll(() => total.textContent()).toBe(`2 ${zhTW.pages.profile.likesAndCollects}`);
    await page.screenshot({ path: screenshotPath('profile-likes-and-collects-desktop') });
  });
});

describe('switches and search boxes', () => {
  /** The visible elements among `locator`'s matches. */
  const visibleCount = (page: Page, selector: string) =>
    page
      .locator(selector)
      .evaluateAll((els) => els.filter((el) => (el as HTMLElement).offsetParent !== null).length);

  for (const [size, options] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`shows one Discover/Following switch, and one search box holding the query on a ${size}`, {
      timeout: 60_000,
    }, async () => {
      const page = await pages().open({ ...options, locale: 'en' });
      await page.goto(url('/'));
      await cardOf(page, 'Liked from the grid').waitFor();
      expect(await visibleCount(page, 'a[href="/following"]')).toBe(1);
      await page.goto(url('/search?q=cards'));
      await page.locator('.search-page').waitFor();
      expect(await visibleCount(page, 'input[type=search]')).toBe(1);
      const box = page.locator('input[type=search]:visible');
      expect(await box.inputValue()).toBe('cards');
      // A new query from the one box keeps the chosen result tab.
      await page.getByRole('tab', { name: en.search.accounts }).click();
      await box.fill('plaza');
      await box.press('Enter');
      await page.waitForURL(url('/search?q=plaza&type=accounts'));
      expect(await page.locator('input[type=search]:visible').inputValue()).toBe('plaza');
      await page.screenshot({ path: screenshotPath(`search-one-box-${size}`) });
    });
  }
});
