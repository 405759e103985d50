import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type CommunityModules, communityProduct, type NoteView } from '@plaza/community';
import { bearer, createTestServer, type TestServer, testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty, uploadThrough } from '../commands/seed.ts';
import { buildPlan, DEFAULT_SEED_OPTIONS, type SeedPlan } from './plan.ts';
import { DEMO_PASSWORD, type SeedSummary, type UploadPicture } from './run.ts';
import { manualSeedClock } from './seed-clock.ts';
import { DAY_MS } from './timing.ts';
import { titleUnits } from './title.ts';

const ANCHOR_MS = Date.UTC(2026, 0, 15, 4, 0, 0);

function refugeeAuthors(plan: SeedPlan) {
  const authors = plan.notes
    .filter((n) => n.topics.includes('TikTokRefugee'))
    .map((n) => plan.accounts[n.author]!);
  return [...new Set(authors)];
}

describe('the demo plan at its real size', () => {
  const plan = buildPlan(ANCHOR_MS, DEFAULT_SEED_OPTIONS);

  it('has the people and notes the issue asks for, in three languages', () => {
    expect(plan.accounts.length).toBeGreaterThanOrEqual(30);
    expect(plan.notes.length).toBeGreaterThanOrEqual(300);
    const languages = new Set(plan.accounts.map((a) => a.persona.language));
    expect([...languages].sort()).toEqual(['en', 'zh-CN', 'zh-TW']);
    for (const language of languages) {
      const written = plan.notes.filter((n) => plan.accounts[n.author]!.persona.language === language);
      expect(written.length).toBeGreaterThanOrEqual(40);
    }
  });

  it('puts new English speakers next to long-time Chinese creators under #TikTokRefugee', () => {
    const authors = refugeeAuthors(plan);
    const newcomers = authors.filter(
      (a) => a.persona.language === 'en' && ANCHOR_MS - a.joinedAt < 2 * DAY_MS,
    );
    const veterans = authors.filter(
      (a) => a.persona.language !== 'en' && ANCHOR_MS - a.joinedAt > 365 * DAY_MS,
    );
    expect(newcomers.length).toBeGreaterThanOrEqual(8);
    expect(veterans.length).toBeGreaterThanOrEqual(4);
    for (const veteran of veterans) {
      expect(plan.notes.filter((n) => n.author === veteran.index).length).toBeGreaterThanOrEqual(10);
    }
  });

  it('writes notes RedNote would accept, without repeating itself', () => {
    for (const note of plan.notes) {
      expect(titleUnits(note.title), note.title).toBeLessThanOrEqual(20);
      expect(note.body.length).toBeLessThanOrEqual(1000);
      expect(note.images.length).toBeGreaterThanOrEqual(1);
      expect(note.images.length).toBeLessThanOrEqual(4);
      expect(note.title + note.body).not.toMatch(/\{\w+\}/);
    }
    expect(new Set(plan.notes.map((n) => n.body)).size).toBe(plan.notes.length);
    expect(new Set(plan.notes.map((n) => n.title)).size).toBeGreaterThan(plan.notes.length * 0.95);
    expect(plan.notes.some((n) => /@[a-z0-9_]+/.test(n.body))).toBe(true);
  });

  it('has follows, likes, comments with replies, and boards of which one is private', () => {
    const count = (kind: string) => plan.events.filter((e) => e.kind === kind).length;
    expect(count('follow')).toBeGreaterThan(200);
    expect(count('like')).toBeGreaterThan(1000);
    expect(count('comment')).toBeGreaterThan(300);
    expect(plan.events.some((e) => e.kind === 'comment' && e.parent !== null)).toBe(true);
    expect(plan.boards.length).toBeGreaterThanOrEqual(10);
    expect(plan.boards.filter((b) => b.private)).toHaveLength(1);
  });

  it('is the same plan every time, and happens in the past in time order', () => {
    const again = buildPlan(ANCHOR_MS, DEFAULT_SEED_OPTIONS);
    expect(again.notes.map((n) => [n.title, n.at])).toEqual(plan.notes.map((n) => [n.title, n.at]));
    const times = plan.events.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThan(ANCHOR_MS);
  });
});

describe('seeding a fresh database through the API', () => {
  let server: TestServer;
  let summary: SeedSummary | undefined;
  let dataDir: string;
  let token: string;
  let upload: UploadPicture;
  const scale = 0.1;
  const options = { scale, imageWidth: 150, imageHeight: 200, avatarSize: 64 };

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'plaza-seed-'));
    let community: CommunityModules | undefined;
    const product = communityProduct((modules) => {
      community = modules;
    });
    server = await createTestServer(testDatabases()[0]!, [product], {
      PLAZA_DATA_DIR: dataDir,
      // The upload limits and the image work pool at their smallest: they are for people, and
      // the seeder, which uploads hundreds of pictures from one address, must not meet them.
      PLAZA_UPLOADS_PER_ACCOUNT_PER_HOUR: '1',
      PLAZA_UPLOADS_PER_IP_PER_HOUR: '1',
      PLAZA_UPLOAD_WORKERS: '1',
      PLAZA_UPLOAD_QUEUE_LIMIT: '1',
    });
    await server.platform.auth.ensureAdmin('admin', 'admin-password-for-tests');
    upload = uploadThrough(community);
    summary = await seedDemoIfEmpty(
      server.platform,
      server.app,
      manualSeedClock(server.clock),
      upload,
      options,
    );
    token = (await server.platform.auth.logIn('jess_from_ohio', DEMO_PASSWORD)).token;
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const get = async <T>(url: string): Promise<T> => {
    const response = await server.app.inject({ method: 'GET', url, headers: bearer(token) });
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    return response.json() as T;
  };

  it('uses every route it needs and returns the clock to where it was', () => {
    expect(summary?.missingRoutes).toEqual([]);
    expect(server.clock.nowMs()).toBe(ANCHOR_MS);
  });

  it('creates every planned account and note, visible through the API', async () => {
    const plan = buildPlan(ANCHOR_MS, { ...DEFAULT_SEED_OPTIONS, ...options });
    expect(summary).toMatchObject({ accounts: plan.accounts.length, notes: plan.notes.length });
    let notes = 0;
    let followers = 0;
    for (const account of plan.accounts) {
      const profile = await get<{
        noteCount: number;
        followerCount: number;
        displayName: string;
        avatarUrl: string | null;
        createdAt: number;
      }>(`/api/v1/accounts/${account.persona.handle}`);
      expect(profile.displayName).toBe(account.persona.displayName);
      expect(profile.avatarUrl).not.toBeNull();
      expect(profile.createdAt).toBe(account.joinedAt);
      notes += profile.noteCount;
      followers += profile.followerCount;
    }
    expect(notes).toBe(plan.notes.length);
    expect(followers).toBe(summary?.follows);
  });

  it('fills #TikTokRefugee with newcomers and long-time creators', async () => {
    const page = await get<{ items: NoteView[] }>('/api/v1/topics/TikTokRefugee?limit=100');
    const handles = new Set(page.items.map((n) => n.author.handle));
    expect(handles.has('jess_from_ohio')).toBe(true);
    const languages = new Set(page.items.map((n) => n.language));
    expect(languages.has('en')).toBe(true);
    expect(languages.has('zh-Hans') || languages.has('zh-Hant')).toBe(true);
  });

  it('has likes, comments with replies and a discover feed', async () => {
    expect(summary?.likes).toBeGreaterThan(100);
    const discover = await get<{ items: NoteView[] }>('/api/v1/feed/discover');
    expect(discover.items.length).toBeGreaterThan(5);
    const liked = discover.items.filter((n) => n.likeCount > 0);
    expect(liked.length).toBeGreaterThan(0);
    const commented = await get<{ items: NoteView[] }>('/api/v1/topics/TikTokRefugee?limit=100');
    const withComments = commented.items.filter((n) => n.commentCount > 0);
    expect(withComments.length).toBeGreaterThan(0);
    const threads = await Promise.all(
      withComments.map((n) => get<{ items: { replies: unknown[] }[] }>(`/api/v1/notes/${n.id}/comments`)),
    );
    expect(threads.some((t) => t.items.some((c) => c.replies.length > 0))).toBe(true);
  });

  it('spreads content over time and leaves it alone when seeded again', async () => {
    const page = await get<{ items: NoteView[] }>('/api/v1/accounts/ade_eats_taipei/notes?limit=100');
    const times = page.items.map((n) => n.createdAt);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(DAY_MS);
    expect(Math.max(...times)).toBeLessThan(ANCHOR_MS);
    const again = await seedDemoIfEmpty(
      server.platform,
      server.app,
      manualSeedClock(server.clock),
      upload,
      options,
    );
    expect(again).toBeUndefined();
  });
});
