/**
 * The Community web app in a real browser against a real Plaza server: sign-up, posting with
 * photos, cross-script search, like/collect/comment, notifications, XSS safety, screenshots
 * of the main pages on a phone and a desktop, and infinite scroll through the discover feed.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en, zhCN, zhTW } from '../src/i18n/catalogs.ts';
import { DESKTOP, PHONE, screenshotPath } from './support/browser.ts';
import { browserForFile, logIn, PASSWORD } from './support/pages.ts';
import { gradientPng } from './support/png.ts';
import { seedAccount, seedDemoNotes } from './support/seed.ts';
import { type RunningPlaza, startPlaza } from './support/server.ts';

const TITLE_TW = '台灣美食：夜市小吃地圖';
const BODY_TW = '士林夜市必吃清單，大腸包小腸和珍珠奶茶 #台灣美食 推薦給大家！';
const XSS_IMG = '<img src=x onerror=__xss=1>';
const XSS_SCRIPT = '<script>__xss=2</script>';
// The discover feed re-ranks every 2 minutes of server time (feed/snapshots.ts).
const DISCOVER_REFRESH_MS = 121_000;
// Discover pages hold 20 notes; the scroll test posts enough to need a second page by itself.
const SCROLL_NOTES = 24;

let plaza: RunningPlaza;
const pages = browserForFile();
const newPage = (options: BrowserContextOptions) => pages().open(options);

const url = (path: string) => plaza.baseUrl + path;

async function signUpInBrowser(page: Page, handle: string, submitLabel: string): Promise<void> {
  await page.goto(url('/signup'));
  await page.fill('input[name=handle]', handle);
  await page.fill('input[name=email]', `${handle}@example.test`);
  await page.fill('input[name=password]', PASSWORD);
  await page.getByRole('button', { name: submitLabel, exact: true }).click();
  await page.waitForURL(url('/'));
}

const logInInBrowser = (page: Page, handle: string) => logIn(page, plaza.baseUrl, handle);

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Lazy images below the fold never load; wait only for those on screen.
  await page.waitForFunction(() =>
    Array.from(document.images)
      .filter((img) => img.getBoundingClientRect().top < window.innerHeight)
      .every((img) => img.complete),
  );
}

beforeAll(async () => {
  plaza = await startPlaza();
  await seedDemoNotes(plaza.baseUrl);
}, 240_000);

afterAll(async () => {
  await plaza?.close();
});

describe('Plaza Community in the browser', () => {
  let noteUrl = '';

  it('A posts in Traditional Chinese; B finds it in Simplified, likes, collects and comments; A is notified', {
    timeout: 180_000,
  }, async () => {
    // A: a desktop browser that prefers Traditional Chinese.
    const a = await newPage({ ...DESKTOP, locale: 'zh-TW' });
    await signUpInBrowser(a, 'foodie_a', zhTW.auth.signUp);
    await expect.poll(() => a.getAttribute('html', 'lang')).toBe('zh-Hant-TW');
    await a.getByRole('link', { name: zhTW.nav.compose }).first().click();
    await a.waitForURL(url('/compose'));
    await a.locator('input[type=file]').setInputFiles([
      {
        name: 'stall.png',
        mimeType: 'image/png',
        buffer: gradientPng(300, 400, [255, 200, 120], [230, 60, 60]),
      },
      {
        name: 'tea.png',
        mimeType: 'image/png',
        buffer: gradientPng(400, 300, [240, 220, 190], [140, 90, 40]),
      },
    ]);
    await expect.poll(() => a.getByTestId('picked-image').count()).toBe(2);
    await expect.poll(() => a.locator('.tile-status').count(), { timeout: 20_000 }).toBe(0);
    await a.fill('input[name=title]', TITLE_TW);
    await expect(await a.locator('.field-counter').nth(1).textContent()).toBe('11/20');
    await a.fill('textarea[name=body]', BODY_TW);
    await a.getByPlaceholder(zhTW.compose.topicsPlaceholder).fill('夜市');
    await a.keyboard.press('Enter');
    await a.getByRole('button', { name: zhTW.compose.publish, exact: true }).click();
    await a.waitForURL(/\/notes\/[0-9a-f-]+$/);
    noteUrl = a.url();
    await expect.poll(() => a.locator('.note-title').textContent()).toBe(TITLE_TW);
    await expect.poll(() => a.locator('.carousel-slide img').count()).toBe(2);
    await expect.poll(() => a.getByRole('link', { name: '#台灣美食' }).count()).toBeGreaterThan(0);

    // B: a phone that prefers Simplified Chinese searches in the other script.
    const b = await newPage({ ...PHONE, locale: 'zh-CN' });
    await signUpInBrowser(b, 'traveler_b', zhCN.auth.signUp);
    await b.goto(url('/search'));
    // The search page's own box: on a phone it replaces the top bar's once the page has loaded
    // (typing into the top bar's before then would lose the query when it hides).
    await b.locator('.search-page .search-box input[name=q]').fill('台湾美食');
    await b.keyboard.press('Enter');
    const card = b.locator('.note-card', { hasText: TITLE_TW });
    await card.waitFor({ timeout: 15_000 });
    await card.locator('.note-card-link').click();
    await b.waitForURL(noteUrl);

    await b.getByRole('button', { name: zhCN.note.like, exact: true }).click();
    await expect.poll(() => b.getByTestId('like-count').textContent()).toBe('1');
    await b.getByRole('button', { name: zhCN.note.collect, exact: true }).click();
    await b.getByRole('button', { name: zhCN.collect.noBoard }).click();
    await expect.poll(() => b.getByTestId('collect-count').textContent()).toBe('1');
    await b.getByPlaceholder(zhCN.note.commentPlaceholder).fill('看起来好好吃！收藏了 #台湾美食');
    await b.getByRole('button', { name: zhCN.note.send, exact: true }).click();
    await b.locator('.comment-text', { hasText: '看起来好好吃' }).waitFor();

    // A sees the badge and the three notifications.
    await a.goto(url('/'));
    await expect
      .poll(() => a.getByTestId('unread-badge').first().textContent(), { timeout: 10_000 })
      .toBe('3');
    await a.locator('.topbar-nav a[href="/notifications"]').click();
    await a.waitForURL(url('/notifications'));
    await expect.poll(() => a.locator('.notification').count()).toBe(3);
    const kinds = await a
      .locator('.notification')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-kind')));
    expect(kinds.sort()).toEqual(['collect', 'comment', 'like']);
    await expect.poll(() => a.locator('.notification', { hasText: zhTW.notifications.like }).count()).toBe(1);
    await expect.poll(() => a.getByTestId('unread-badge').count()).toBe(0);
  });

  it('renders HTML in names, notes and comments as text and runs none of it', {
    timeout: 120_000,
  }, async () => {
    const mallory = await seedAccount(plaza.baseUrl, 'mallory', 'en', XSS_IMG);
    const media = await mallory.upload(300, 400, [20, 20, 20], [200, 0, 0]);
    const note = await mallory.note(XSS_IMG, `${XSS_SCRIPT} ${XSS_IMG} #xss`, ['xss'], [media]);

    const author = await newPage({ ...DESKTOP, locale: 'en' });
    await logInInBrowser(author, 'mallory');
    await author.goto(url(`/notes/${note.id}`));
    await author.getByPlaceholder(en.note.commentPlaceholder).fill(`${XSS_SCRIPT}${XSS_IMG}`);
    await author.getByRole('button', { name: en.note.send, exact: true }).click();
    await author.locator('.comment-text', { hasText: XSS_SCRIPT }).waitFor();

    // Another reader, once the discover ranking has been refreshed to include the note.
    plaza.clock.advance(DISCOVER_REFRESH_MS);
    const page = await newPage({ ...PHONE, locale: 'en' });
    for (const path of [`/notes/${note.id}`, '/', '/u/mallory', '/search?q=xss', '/topics/xss']) {
      await page.goto(url(path));
      await page.getByText(XSS_IMG).first().waitFor();
      expect(
        await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss),
        path,
      ).toBeUndefined();
      expect(await page.locator('img[src="x"], script:not([type=module])').count(), path).toBe(0);
    }
    await page.goto(url(`/notes/${note.id}`));
    expect(await page.locator('.note-title').textContent()).toBe(XSS_IMG);
    expect(await page.locator('.note-body').textContent()).toContain(XSS_SCRIPT);
  });

  it("shows the server's field errors beside the fields", { timeout: 60_000 }, async () => {
    const page = await newPage({ ...PHONE, locale: 'en' });
    await page.goto(url('/signup'));
    await page.fill('input[name=handle]', 'ab');
    await page.fill('input[name=email]', 'ab@example.test');
    await page.fill('input[name=password]', PASSWORD);
    await page.getByRole('button', { name: en.auth.signUp, exact: true }).click();
    const handleField = page.locator('.field', { has: page.locator('input[name=handle]') });
    await handleField.locator('.field-error').waitFor();
    expect(await handleField.getAttribute('class')).toContain('field-invalid');
    expect(await page.locator('input[name=handle]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.form-error').textContent()).toBe(en.errors.validation_failed);
    expect(page.url()).toBe(url('/signup'));
  });

  it('switches language from the header and remembers it', { timeout: 60_000 }, async () => {
    const page = await newPage({ ...DESKTOP, locale: 'en-US' });
    await page.goto(url('/'));
    await expect.poll(() => page.locator('.topbar-nav a').first().textContent()).toBe('Discover');
    await page.locator('.topbar .lang-switch select').selectOption('zh-TW');
    await expect.poll(() => page.locator('.topbar-nav a').first().textContent()).toBe(zhTW.nav.discover);
    await page.reload();
    await expect.poll(() => page.locator('.topbar-nav a').first().textContent()).toBe(zhTW.nav.discover);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-Hant-TW');
  });

  it('saves screenshots of the main pages on a phone and a desktop', { timeout: 180_000 }, async () => {
    const noteId = noteUrl.split('/').pop() ?? '';
    plaza.clock.advance(DISCOVER_REFRESH_MS);
    const pages: [string, string][] = [
      ['discover', '/'],
      ['note', `/notes/${noteId}`],
      ['composer', '/compose'],
      ['profile', '/u/mei_tw'],
      ['search', '/search?q=%E5%8F%B0%E6%B9%BE%E7%BE%8E%E9%A3%9F'],
      ['notifications', '/notifications'],
      ['settings', '/settings'],
    ];
    for (const [size, options] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const page = await newPage({ ...options, locale: size === 'phone' ? 'zh-CN' : 'zh-TW' });
      await logInInBrowser(page, 'foodie_a');
      for (const [name, path] of pages) {
        await page.goto(url(path));
        await settle(page);
        await page.screenshot({ path: screenshotPath(`${name}-${size}`) });
      }
    }
  });

  it('loads the next page of the discover feed on scroll, with no note twice', {
    timeout: 120_000,
  }, async () => {
    // More notes than the first page's 20 hold, sent all at once and with tiny photos to keep
    // the set-up to a second or two.
    const titles = Array.from({ length: SCROLL_NOTES }, (_, i) => `Scroll test note ${i + 1}`);
    const poster = await seedAccount(plaza.baseUrl, 'scroll_poster', 'en', 'Scroll poster');
    await Promise.all(
      titles.map(async (title, i) => {
        const media = await poster.upload(60, 80, [i * 10, 120, 200], [250, 250, 250]);
        await poster.note(title, 'Scrolling #scroll', ['scroll'], [media]);
      }),
    );
    plaza.clock.advance(DISCOVER_REFRESH_MS);

    // A phone: two columns, so the first page reaches well past the point that loads the next.
    const page = await newPage({ ...PHONE, locale: 'en' });
    await page.goto(url('/'));
    const cards = page.locator('.note-card-link');
    await expect.poll(() => cards.count()).toBe(20);
    await page.waitForLoadState('networkidle');
    expect(await cards.count()).toBe(20);

    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByText(en.common.end).waitFor({ timeout: 10_000 });
    const hrefs = await cards.evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(20);
    expect(new Set(hrefs).size).toBe(hrefs.length);
    const shown = await page.locator('.note-card-title').allTextContents();
    expect(titles.filter((title) => !shown.includes(title))).toEqual([]);
  });
});
