/**
 * Browser safety in a real Chromium against a real Plaza (Community + Rewards): a page on
 * another port of the same host (same site, so the SameSite=Lax session cookie rides along)
 * tries to like, follow, block and upload as the signed-in reader, by a self-submitting form
 * and by credentialed fetches; every attempt is answered 403 and changes nothing, while the
 * same writes from Plaza's own page work. Then the main pages, the card app, the bank console
 * and the API explorer are visited and none may report a Content-Security-Policy violation.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP } from './support/browser.ts';
import { browserForFile, logIn as logInAs } from './support/pages.ts';
import { gradientPng } from './support/png.ts';
import { BANK_ADMIN, HOLDER, type RewardsPlaza, startRewardsPlaza } from './support/rewards-fixture.ts';
import { SeedClient } from './support/seed.ts';

const AUTHOR = 'csrf_author';

let rewards: RewardsPlaza;
let attacker: http.Server;
let attackerOrigin = '';
let noteId = '';

const url = (path: string) => rewards.plaza.baseUrl + path;
const pages = browserForFile();
const logIn = (page: Page, handle: string) => logInAs(page, rewards.plaza.baseUrl, handle);

/**
 * The attacker's pages: ordinary HTML on another port, with inline scripts (its own site has no
 * policy) that write to Plaza the two ways a page can without a CORS preflight.
 */
function attackerPages(plazaUrl: string): http.RequestListener {
  const targets = {
    like: `${plazaUrl}/api/v1/notes/${noteId}/like`,
    follow: `${plazaUrl}/api/v1/accounts/${AUTHOR}/follow`,
    block: `${plazaUrl}/api/v1/accounts/${AUTHOR}/block`,
    upload: `${plazaUrl}/api/v1/media`,
  };
  const pagesByPath: Record<string, string> = {
    // A form posts text/plain as a top-level navigation: the cookie goes with it.
    '/form': `<form method="POST" action="${targets.like}" enctype="text/plain">
        <input name="liked" value="yes"></form>
      <script>document.forms[0].submit()</script>`,
    // no-cors fetches with simple content types need no preflight; the answer is opaque to
    // the page, but the write would already have happened.
    '/fetch': `<script>
      const send = (url, body) => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', body });
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(${JSON.stringify([...gradientPng(8, 8, [255, 0, 0], [0, 0, 255])])})], { type: 'image/png' }), 'x.png');
      Promise.allSettled([send(${JSON.stringify(targets.follow)}, 'x'), send(${JSON.stringify(targets.block)}, 'x'), send(${JSON.stringify(targets.upload)}, form)])
        .then(() => { document.title = 'sent'; });
    </script>`,
  };
  return (request, response) => {
    const body = pagesByPath[request.url ?? ''];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>${body}`);
  };
}

async function listen(server: http.Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

interface SeenWrite {
  url: string;
  /** The headers Chromium really sent, cookie and Sec-Fetch-* included. */
  headers: Record<string, string>;
  status: number;
}

/**
 * Every write the page sends to Plaza, seen through the DevTools protocol: Plaza's answers
 * carry Cross-Origin-Resource-Policy: same-origin, so Chromium hides a no-cors answer from the
 * page (and from Playwright's response events), but the raw status still arrives here.
 */
async function recordWrites(page: Page): Promise<Map<string, SeenWrite>> {
  const cdp = await page.context().newCDPSession(page);
  const writes = new Map<string, SeenWrite>();
  const entry = (id: string) => {
    const write = writes.get(id) ?? { url: '', headers: {}, status: 0 };
    writes.set(id, write);
    return write;
  };
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (request.method !== 'GET') entry(requestId).url = request.url;
  });
  cdp.on('Network.requestWillBeSentExtraInfo', ({ requestId, headers }) => {
    entry(requestId).headers = Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name.toLowerCase(), String(value)]),
    );
  });
  cdp.on('Network.responseReceivedExtraInfo', ({ requestId, statusCode }) => {
    entry(requestId).status = statusCode;
  });
  await cdp.send('Network.enable');
  return writes;
}

beforeAll(async () => {
  rewards = await startRewardsPlaza({ name: 'sqlite', url: 'sqlite::memory:' });
  const author = new SeedClient(rewards.plaza.baseUrl);
  await author.signUp(AUTHOR, 'en', 'CSRF Author');
  const media = await author.upload(300, 400, [250, 200, 120], [200, 60, 60]);
  noteId = (await author.note('Night market map', 'Where to eat tonight #food', ['food'], [media])).id;
  attacker = http.createServer(attackerPages(rewards.plaza.baseUrl));
  attackerOrigin = await listen(attacker);
}, 240_000);

afterAll(async () => {
  await new Promise((resolve) => attacker?.close(resolve));
  await rewards?.plaza.close();
});

/** What the reader's account shows, asked with its bearer token (not through the browser). */
async function readerState(): Promise<{ liked: number; following: boolean; blocking: boolean }> {
  const likes = await rewards.holderCall<{ items: unknown[] }>('GET', '/api/v1/me/likes');
  const profile = await rewards.holderCall<{ viewer: { following: boolean; blocking: boolean } }>(
    'GET',
    `/api/v1/accounts/${AUTHOR}`,
  );
  const { following, blocking } = profile.body.viewer;
  return { liked: likes.body.items.length, following, blocking };
}

describe('cross-site request forgery', () => {
  it('a page on another port of the same host cannot like, follow, block or upload as the reader', {
    timeout: 120_000,
  }, async () => {
    const page = await pages().open(DESKTOP);
    await logIn(page, HOLDER);
    const writes = await recordWrites(page);

    await page.goto(`${attackerOrigin}/form`);
    await page.waitForURL(`${rewards.plaza.baseUrl}/api/v1/notes/${noteId}/like`);
    const refusal = JSON.parse((await page.locator('body').textContent()) ?? '{}') as { code?: string };
    expect(refusal.code).toBe('cross_origin_refused');

    await page.goto(`${attackerOrigin}/fetch`);
    await expect.poll(() => page.title()).toBe('sent');

    const toPlaza = () => [...writes.values()].filter((w) => w.url.startsWith(rewards.plaza.baseUrl));
    await expect.poll(() => toPlaza().filter((w) => w.status > 0).length).toBe(4);
    expect(
      toPlaza()
        .map((w) => [new URL(w.url).pathname, w.status])
        .sort(),
    ).toEqual(
      [
        [`/api/v1/accounts/${AUTHOR}/block`, 403],
        [`/api/v1/accounts/${AUTHOR}/follow`, 403],
        ['/api/v1/media', 403],
        [`/api/v1/notes/${noteId}/like`, 403],
      ].sort(),
    );
    for (const { url: target, headers } of toPlaza()) {
      // The session cookie was sent (same site): only the Origin check stopped the write.
      expect(headers.cookie, target).toMatch(/plaza_session=/);
      // Chromium names the page's origin on every one of these writes.
      expect(headers.origin, target).toBe(attackerOrigin);
      expect(headers['sec-fetch-site'], target).toBe('same-site');
    }
    expect(await readerState()).toEqual({ liked: 0, following: false, blocking: false });
  });

  it("the same writes from Plaza's own page go through", { timeout: 60_000 }, async () => {
    const page = await pages().open(DESKTOP);
    await logIn(page, HOLDER);
    const statuses = await page.evaluate(
      async ({ like, follow }) =>
        Promise.all(
          [like, follow].map(
            async (path) => (await fetch(path, { method: 'POST', credentials: 'same-origin' })).status,
          ),
        ),
      { like: `/api/v1/notes/${noteId}/like`, follow: `/api/v1/accounts/${AUTHOR}/follow` },
    );
    expect(statuses.every((status) => status >= 200 && status < 300)).toBe(true);
    expect(await readerState()).toEqual({ liked: 1, following: true, blocking: false });
  });
});

describe('Content-Security-Policy', () => {
  it('the main pages, the card app, the bank console and the API explorer run without a violation', {
    timeout: 120_000,
  }, async () => {
    const page = await pages().open(DESKTOP);
    const violations: string[] = [];
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(message.text());
    });
    const visit = async (path: string, ready: string) => {
      const response = await page.goto(url(path));
      expect(response?.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'");
      await page.locator(ready).first().waitFor({ timeout: 20_000 });
      await page.waitForLoadState('networkidle');
    };

    await logIn(page, HOLDER);
    await visit('/', '.note-card');
    await visit(`/notes/${noteId}`, '.carousel-slide img');
    await visit('/compose', 'input[type=file]');
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'preview.png',
        mimeType: 'image/png',
        buffer: gradientPng(120, 90, [10, 200, 90], [20, 40, 200]),
      },
    ]);
    await expect.poll(() => page.getByTestId('picked-image').count()).toBe(1);
    await visit('/rewards', '.rewards-card-link');
    await visit(`/rewards/cards/${rewards.card.id}/plans`, '[data-plan]');
    await visit('/api/docs', '.swagger-ui .opblock');
    await page.locator('.swagger-ui .opblock-summary').first().click();
    await page.locator('.swagger-ui .opblock-body').first().waitFor();
    await logIn(page, BANK_ADMIN);
    await visit('/rewards/admin/plans', '[data-testid=admin-catalog] [data-plan=digital]');

    expect(violations).toEqual([]);
  });
});
