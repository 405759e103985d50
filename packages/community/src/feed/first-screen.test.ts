import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildServer, type PlazaApp } from '@plaza/kernel';
import {
  bearer,
  createTestPlatform,
  signUpForTest,
  type TestPlatform,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteCard } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv } from '../test-helpers.ts';
import { cardHtml, dealColumns, firstScreenHtml, formatCount, hueOf } from './first-screen.ts';

const card = (over: Partial<NoteCard> = {}): NoteCard => ({
  id: 'n1',
  author: { handle: 'ann', displayName: 'Ann', avatarUrl: null },
  title: 'Tea',
  cover: { url: '/media/m1/thumb', width: 600, height: 800 },
  likeCount: 3,
  liked: null,
  ...over,
});

describe('first screen cards', () => {
  it('shows user text as text: a script in a title or a name stays letters', () => {
    const out = String(
      cardHtml(
        card({
          title: '<script>alert(1)</script>',
          author: { handle: 'x"><img src=x>', displayName: '<b>Eve</b>', avatarUrl: null },
        }),
        'en',
        true,
      ),
    );
    expect(out).toContain('<h3 class="note-card-title">&lt;script&gt;alert(1)&lt;/script&gt;</h3>');
    expect(out).toContain('<span class="note-card-name">&lt;b&gt;Eve&lt;/b&gt;</span>');
    expect(out).toContain('href="/u/x%22%3E%3Cimg%20src%3Dx%3E"');
    expect(out).not.toMatch(/<script|<b>|<img src=x/);
  });

  it('takes direction overrides out of titles and names', () => {
    const out = String(
      cardHtml(
        card({
          title: 'abc\u202Egpj.exe',
          author: { handle: 'h', displayName: '\u2067Ann', avatarUrl: null },
        }),
        'en',
        true,
      ),
    );
    expect(out).toContain('>abcgpj.exe</h3>');
    expect(out).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('links the note and its author, sizes the cover by its clamped ratio and shows the count', () => {
    const out = String(cardHtml(card({ likeCount: 12_345, liked: true }), 'en', false));
    expect(out).toMatch(/^<article class="note-card"><a href="\/notes\/n1" class="note-card-link">/);
    expect(out).toContain(
      '<div class="note-card-cover"><img src="/media/m1/thumb" alt="" width="300" height="400" loading="lazy">',
    );
    expect(out).toContain(`fill="hsl(${hueOf('Ann')} 55% 62%)"/><text`);
    expect(out).toContain('fill="#fff">A</text></svg>');
    expect(out).toContain('<span class="note-card-likes liked">');
    expect(out).toContain('<span>12.3K</span>');
    const tall = String(cardHtml(card({ cover: { url: '/c', width: 100, height: 900 } }), 'en', true));
    expect(tall).toContain(
      '<div class="note-card-cover first-tall"><img src="/c" alt="" width="300" height="400">',
    );
    const wide = String(cardHtml(card({ cover: { url: '/w', width: 900, height: 100 } }), 'en', true));
    expect(wide).toContain(
      '<div class="note-card-cover first-wide"><img src="/w" alt="" width="300" height="225">',
    );
  });

  it('formats counts compactly in the reader language and survives a malformed tag', () => {
    expect(formatCount(999, 'zh-TW')).toBe('999');
    expect(formatCount(12_000, 'zh-TW')).toBe('1.2萬');
    expect(formatCount(12_000, 'not a tag!')).toBe('12K');
  });

  it('deals cards to the shorter column, as the masonry does', () => {
    const tall = card({ id: 't', cover: { url: '/t', width: 3, height: 4 } });
    const wide = (id: string) => card({ id, cover: { url: `/${id}`, width: 4, height: 3 } });
    const columns = dealColumns([tall, wide('a'), wide('b'), wide('c')]);
    expect(columns.map((column) => column.map((c) => c.id))).toEqual([
      ['t', 'c'],
      ['a', 'b'],
    ]);
    expect(String(firstScreenHtml([tall], 'en'))).toMatch(
      /^<div class="skeleton-grid first-grid"><div class="first-col"><article/,
    );
  });
});

const INDEX = `<!doctype html><html><head>
<link rel="preload" href="/api/v1/feed/discover" as="fetch" crossorigin />
</head><body><div id="root"><!--first-screen--><div class="skeleton-grid">outline</div><!--/first-screen--></div></body></html>`;

describe.each(testDatabases())('the home page on $name', (target) => {
  let test: TestPlatform;
  let app: PlazaApp;
  let reader: { token: string; id: string };
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plaza-web-'));

  beforeAll(async () => {
    fs.writeFileSync(path.join(webDir, 'index.html'), INDEX);
    const products = [communityProduct()];
    test = await createTestPlatform(target, products, {
      ...testMediaEnv(),
      PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000',
    });
    // What is checked here is what the page holds, not how fast: a loaded machine gets time.
    app = await buildServer(test.platform, products, { webDir, firstScreenBudgetMs: 30_000 });
    const writer = await signUpForTest(app, 'fs_writer', 'en');
    const blocked = await signUpForTest(app, 'fs_blocked', 'en');
    reader = await signUpForTest(app, 'fs_reader', 'en');
    await createTestNote(app, writer.token, { title: '<script>alert(1)</script>' });
    await createTestNote(app, blocked.token, { title: 'from the blocked one' });
    const block = await app.inject({
      method: 'POST',
      url: '/api/v1/accounts/fs_blocked/block',
      headers: bearer(reader.token),
    });
    expect(block.statusCode, block.body).toBeLessThan(300);
  });
  afterAll(async () => {
    await app.close();
    await test.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  const home = (headers: Record<string, string> = {}) => app.inject({ url: '/', headers });
  const dataOf = (body: string) =>
    JSON.parse(
      /<script type="application\/json" id="first-screen-data">([^<]*)<\/script>/.exec(body)?.[1] ?? '',
    );

  it('carries the discover page as cards, titles escaped, and as the API’s own JSON', async () => {
    const page = await home();
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;</h3>');
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).toContain('from the blocked one');
    expect(page.body.match(/<article class="note-card">/g)).toHaveLength(2);
    expect(page.body).not.toContain('outline');
    expect(page.body).not.toContain('rel="preload"');
    const api = await app.inject({ url: '/api/v1/feed/discover' });
    expect(dataOf(page.body)).toEqual(api.json());
  });

  it('leaves out the notes of an author the viewer blocked, in the cards and in the data', async () => {
    const page = await home(bearer(reader.token));
    expect(page.body).not.toContain('from the blocked one');
    expect(page.body.match(/<article class="note-card">/g)).toHaveLength(1);
    const api = await app.inject({ url: '/api/v1/feed/discover', headers: bearer(reader.token) });
    expect(dataOf(page.body)).toEqual(api.json());
    expect(dataOf(page.body).items.map((item: NoteCard) => item.title)).toEqual([
      '<script>alert(1)</script>',
    ]);
  });

  it('keeps the plain page everywhere but the home page', async () => {
    for (const url of ['/following', '/notes/x', '/u/fs_writer'])
      expect((await app.inject({ url })).body, url).toBe(INDEX);
  });
});
