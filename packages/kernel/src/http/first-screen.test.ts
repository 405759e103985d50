import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type PlazaProduct } from '../server.ts';
import { createTestPlatform, type TestPlatform, testDatabases } from '../testing/index.ts';
import type { PlazaApp } from './app.ts';
import { type FirstScreen, scriptJson } from './first-screen.ts';
import { html } from './safe-html.ts';

const STYLE = '.first-grid{display:flex}';
const PRELOAD = '<link rel="preload" href="/api/v1/feed/discover" as="fetch" crossorigin />';
const INDEX = `<!doctype html><html><head><style>${STYLE}</style>
    ${PRELOAD}
  </head><body><div id="root"><!--first-screen--><div class="skeleton-grid">outline</div><!--/first-screen--></div><script type="module" src="/app.js"></script></body></html>`;

/** What each path's renderer does in this test, by the path's last part. */
const BEHAVIOUR: Record<string, () => Promise<FirstScreen | null>> = {
  '/': async () => ({
    html: html`<a href="/notes/1">${'<script>alert(1)</script>'}</a>`,
    json: JSON.stringify({ title: '</script><script>alert(1)</script>' }),
  }),
  '/no-data': async () => ({ html: html`<p>cards only</p>` }),
  '/nothing': async () => null,
  '/fails': async () => {
    throw new Error('the feed is down');
  },
  '/throws': () => {
    throw new Error('not even a promise');
  },
  // Never settles: the page must not wait for it.
  '/slow': () => new Promise<never>(() => {}),
};

const product: PlazaProduct = {
  name: 'first-screen-test',
  migrationRoots: [],
  async register(app) {
    for (const [pathname, render] of Object.entries(BEHAVIOUR))
      app.firstScreen(pathname, { render, replacesPreload: '/api/v1/feed/discover' });
  },
};

describe('first screens in index.html', () => {
  let test: TestPlatform;
  let app: PlazaApp;
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-web-'));
  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), INDEX);
    test = await createTestPlatform(testDatabases()[0]!);
    // Long enough for any loaded machine; '/slow' never settles, so it meets the budget all the same.
    app = await buildServer(test.platform, [product], { webDir, firstScreenBudgetMs: 2_000 });
  });
  afterAll(async () => {
    await app.close();
    await test.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const page = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

  it('puts the rendered screen into the slot, escaped, with its data and without the preload it replaces', async () => {
    const answer = await page('/?utm=x');
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['cache-control']).toBe('no-cache');
    expect(answer.body).toContain(
      '<!--first-screen--><a href="/notes/1">&lt;script&gt;alert(1)&lt;/script&gt;</a><script type="application/json" id="first-screen-data">',
    );
    expect(answer.body).not.toContain('outline');
    expect(answer.body).not.toContain(PRELOAD);
    // The only script elements: the data block, which cannot be closed from inside, and the app.
    expect(answer.body.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="first-screen-data">',
      '<script type="module" src="/app.js">',
    ]);
    const data = /<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(answer.body)?.[1];
    expect(JSON.parse(data ?? '')).toEqual({ title: '</script><script>alert(1)</script>' });
    // The CSP still allows exactly the page's own style element, by its hash.
    const hash = createHash('sha256').update(STYLE).digest('base64');
    expect(answer.headers['content-security-policy']).toContain(`style-src 'self' 'sha256-${hash}'`);
  });

  it('keeps the preload when the screen brings no data', async () => {
    const answer = await page('/no-data');
    expect(answer.body).toContain('<!--first-screen--><p>cards only</p><!--/first-screen-->');
    expect(answer.body).toContain(PRELOAD);
    expect(answer.body).not.toContain('first-screen-data');
  });

  it('serves the plain page when the renderer answers nothing, fails or is slow, and on other paths', async () => {
    for (const url of ['/nothing', '/fails', '/throws', '/slow', '/notes/123', '/nothing/'])
      expect((await page(url)).body, url).toBe(INDEX);
  });

  it('compresses the page for browsers that accept it', async () => {
    const br = await page('/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe((await page('/')).body);
    const gz = await page('/notes/1', { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(INDEX);
    const refused = await page('/notes/1', { 'accept-encoding': 'br;q=0' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body).toBe(INDEX);
  });

  it('writes JSON into a script element so nothing in it can end the element', () => {
    expect(scriptJson('{"a":"</script><!--"}')).toBe('{"a":"\\u003c/script>\\u003c!--"}');
  });
});
