import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { launchChromium, screenshotPath } from './browser.ts';
import { ensureWebBuilt } from './build.ts';

export const PASSWORD = 'correct horse battery';

/**
 * The browser of one test file and every page it opened. Each page's script errors are kept,
 * so a test fails on a broken page rather than passing because it showed nothing.
 */
export class TestPages {
  private readonly contexts: BrowserContext[] = [];
  private readonly errors: Error[] = [];

  private constructor(private readonly browser: Browser) {}

  static async launch(): Promise<TestPages> {
    return new TestPages(await launchChromium());
  }

  /**
   * A page in a fresh context. With `rememberLocale` the context's locale is stored as the
   * language picked on this device: it beats the account's own, so the page shows the language
   * under test whoever signs in.
   */
  async open(options: BrowserContextOptions, rememberLocale = false): Promise<Page> {
    const context = await this.browser.newContext(options);
    this.contexts.push(context);
    if (rememberLocale)
      await context.addInitScript(
        (language) => localStorage.setItem('plaza.language', language),
        options.locale ?? 'en',
      );
    const page = await context.newPage();
    page.on('pageerror', (error) => this.errors.push(error));
    return page;
  }

  /** The script errors since the last call, as messages. */
  takeErrors(): string[] {
    return this.errors.splice(0).map((e) => e.message);
  }

  async close(): Promise<void> {
    for (const context of this.contexts) await context.close();
    await this.browser.close();
  }
}

/**
 * The browser of the calling test file: the web app built if stale and Chromium launched before
 * its tests, each test failing on any script error of its pages, everything closed at the end.
 */
export function browserForFile(): () => TestPages {
  let pages: TestPages | undefined;
  beforeAll(async () => {
    await ensureWebBuilt();
    pages = await TestPages.launch();
  }, 240_000);
  afterEach(() => {
    expect(pages?.takeErrors() ?? []).toEqual([]);
  });
  afterAll(async () => {
    await pages?.close();
  });
  return () => {
    if (!pages) throw new Error('The browser starts in beforeAll; open pages inside tests.');
    return pages;
  };
}

/** Logs in through the form and waits for the home page. */
export async function logIn(page: Page, baseUrl: string, handle: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=login]', handle);
  await page.fill('input[name=password]', PASSWORD);
  await page.locator('form button[type=submit]').click();
  await page.waitForURL(`${baseUrl}/`);
}

/** A full-page screenshot once the page is idle; nothing may be wider than the screen. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: screenshotPath(name), fullPage: true });
  // A phone must never scroll sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, name).toBeLessThanOrEqual(0);
}

/** A catalog string with its {{placeholders}} filled, as i18next fills them. */
export const fillTemplate = (template: string, values: Record<string, string | number>): string =>
  template.replace(/{{(\w+)}}/g, (_, key: string) => String(values[key]));

/** The error shown beside a form's field (`.field` holding the input named `name`). */
export const fieldError = (form: Locator, name: string): Promise<string | null> =>
  form
    .locator('.field', { has: form.page().locator(`[name=${name}]`) })
    .locator('.field-error')
    .textContent();

/**
 * Opens a path as a reader's click would: through the router (history.pushState and a popstate
 * event) once the page shows Plaza, so one page load serves a whole run of pages.
 */
export async function visitInApp(page: Page, baseUrl: string, path: string): Promise<void> {
  if (!page.url().startsWith(baseUrl)) {
    await page.goto(baseUrl + path);
    return;
  }
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.waitForFunction((to) => window.location.pathname + window.location.search === to, path);
}

/** Takes the browser's own limits off a form's fields, so what is sent is what the server judges. */
export async function unlimit(form: Locator): Promise<void> {
  await form.evaluate((element) => {
    (element as HTMLFormElement).noValidate = true;
    for (const field of element.querySelectorAll('input, textarea'))
      for (const attribute of ['maxlength', 'minlength', 'required', 'pattern', 'min', 'max'])
        field.removeAttribute(attribute);
  });
}
