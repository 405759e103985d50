import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestServer,
  testDatabases,
} from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CommunityModules, communityProduct } from '../index.ts';
import { createTestNote, testMediaEnv, uploadTestImage } from '../test-helpers.ts';

describe.each(testDatabases())('profiles and /me on $name', (target) => {
  let server: TestServer;
  let modules: CommunityModules;
  const me = async (token: string) =>
    (await server.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) })).json();
  const patch = (token: string, payload: unknown) =>
    server.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(token),
      payload: payload as object,
    });
  const profile = (handle: string, token?: string) =>
    server.app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${handle}`,
      ...(token ? { headers: bearer(token) } : {}),
    });

  beforeAll(async () => {
    server = await createTestServer(
      target,
      [
        communityProduct((m) => {
          modules = m;
        }),
      ],
      { PLAZA_SIGNUP_PER_IP_PER_HOUR: '1000', ...testMediaEnv() },
    );
  });
  afterAll(() => server.close());

  it('answers defaults for an account that never edited its profile', async () => {
    const { token, id } = await signUpForTest(server.app, 'fresh_face', 'zh-TW');
    const body = await me(token);
    expect(body).toMatchObject({
      id,
      handle: 'fresh_face',
      email: 'fresh_face@example.test',
      role: 'user',
      language: 'zh-TW',
      displayName: 'fresh_face',
      bio: '',
      avatarUrl: null,
      followerCount: 0,
      followingCount: 0,
      noteCount: 0,
      unreadNotifications: 0,
    });
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/me' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('edits the profile and language, publishes profile.updated, and shows it publicly', async () => {
    const { token, id } = await signUpForTest(server.app, 'editor_one');
    const seen: unknown[] = [];
    const stop = server.platform.bus.subscribe('profile.updated', (p) => {
      seen.push(p);
    });
    const res = await patch(token, {
      displayName: '  小紅 Little Red 🌸  ',
      bio: '台北\n咖啡',
      language: 'zh-CN',
    });
    stop();
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      displayName: '小紅 Little Red 🌸',
      bio: '台北\n咖啡',
      language: 'zh-CN',
    });
    expect(seen).toEqual([{ accountId: id }]);
    const pub = await profile('editor_one');
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({
      id,
      handle: 'editor_one',
      displayName: '小紅 Little Red 🌸',
      bio: '台北\n咖啡',
      language: 'zh-CN',
      avatarUrl: null,
      viewer: null,
    });
    expect(pub.json()).not.toHaveProperty('email');
    const authors = await server.platform.auth.findById(id);
    expect(authors?.language).toBe('zh-CN');
  });

  it('counts a display name in characters people see: 30 CJK or emoji fit, 31 do not', async () => {
    const { token } = await signUpForTest(server.app, 'counter_cjk');
    expect((await patch(token, { displayName: '蘭'.repeat(30) })).statusCode).toBe(200);
    expect((await patch(token, { displayName: '🌸'.repeat(30) })).statusCode).toBe(200);
    const tooLong = await patch(token, { displayName: '蘭'.repeat(31) });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().errors).toEqual([
      {
        field: '/displayName',
        code: 'too_long',
        params: { max: 30 },
        message: 'must be at most 30 characters',
      },
    ]);
    expect((await me(token)).displayName).toBe('🌸'.repeat(30));
  });

  it('refuses bad fields with field-level problem+json and writes nothing', async () => {
    const { token } = await signUpForTest(server.app, 'careful_one');
    await patch(token, { displayName: 'Before', bio: 'old bio' });
    const bad = await patch(token, {
      displayName: '\u200b\u200b',
      bio: 'x'.repeat(201),
      avatarMediaId: 'not-a-media-id',
      language: 'fr',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(bad.json().code).toBe('validation_failed');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual([
      '/displayName',
      '/bio',
      '/avatarMediaId',
      '/language',
    ]);
    // One good field next to one bad one: the good one must not be written either.
    const mixed = await patch(token, { displayName: 'After', language: 'zh-CN', bio: 'bell\u0007' });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors).toEqual([
      { field: '/bio', code: 'control_characters', message: 'must not contain control characters' },
    ]);
    const after = await me(token);
    expect(after).toMatchObject({ displayName: 'Before', bio: 'old bio', language: 'en' });
  });

  it('sets an avatar from the caller’s own upload only, and removes it with null', async () => {
    const owner = await signUpForTest(server.app, 'avatar_owner');
    const thief = await signUpForTest(server.app, 'avatar_thief');
    const mediaId = await uploadTestImage(server.app, owner.token);
    const set = await patch(owner.token, { avatarMediaId: mediaId });
    expect(set.statusCode).toBe(200);
    expect(set.json().avatarUrl).toBe(`/media/${mediaId}/thumb.webp`);
    const card = (await modules.profiles.authorsByIds([owner.id])).get(owner.id);
    expect(card?.avatarUrl).toBe(`/media/${mediaId}/thumb.webp`);

    for (const stolen of [mediaId, server.platform.ids.next()]) {
      const res = await patch(thief.token, { displayName: 'Thief', avatarMediaId: stolen });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([
        { field: '/avatarMediaId', code: 'not_your_upload', message: 'is not one of your uploads' },
      ]);
    }
    expect(await me(thief.token)).toMatchObject({ displayName: 'avatar_thief', avatarUrl: null });

    const cleared = await patch(owner.token, { avatarMediaId: null });
    expect(cleared.json().avatarUrl).toBeNull();
  });

  it('counts followers, followees and notes, and shows the viewer’s follow state', async () => {
    const star = await signUpForTest(server.app, 'count_star');
    const fan = await signUpForTest(server.app, 'count_fan');
    const follow = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/count_star/follow',
      headers: bearer(fan.token),
    });
    expect(follow.statusCode).toBe(200);
    await createTestNote(server.app, star.token, { title: '第一篇' });
    expect(await me(star.token)).toMatchObject({
      followerCount: 1,
      followingCount: 0,
      noteCount: 1,
      unreadNotifications: 1,
    });
    expect(await me(fan.token)).toMatchObject({ followerCount: 0, followingCount: 1, noteCount: 0 });
    const asFan = (await profile('count_star', fan.token)).json();
    expect(asFan).toMatchObject({ followerCount: 1, noteCount: 1 });
    expect(asFan.viewer).toEqual({ following: true, followsYou: false, blocking: false });
    const asStar = (await profile('count_fan', star.token)).json();
    expect(asStar.viewer).toEqual({ following: false, followsYou: true, blocking: false });
  });

  it('refuses unknown fields, wrong types, huge strings and HTML-looking text safely', async () => {
    const { token } = await signUpForTest(server.app, 'fuzzy_one');
    const unknown = await patch(token, { displayName: 'ok', role: 'admin' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toEqual({
      field: '/role',
      code: 'unknown_field',
      message: 'is not a known field',
    });
    expect((await patch(token, { bio: 5 })).statusCode).toBe(400);
    expect((await patch(token, { bio: 'x'.repeat(10_000) })).statusCode).toBe(400);
    const html = await patch(token, { bio: "<script>alert(1)</script>' OR 1=1 --" });
    expect(html.statusCode).toBe(200);
    expect(html.json().bio).toBe("<script>alert(1)</script>' OR 1=1 --");
    expect((await me(token)).role).toBe('user');
  });

  it('shows a viewer relation to signed-in viewers and 404s across a block either way', async () => {
    const a = await signUpForTest(server.app, 'blocker_a');
    const b = await signUpForTest(server.app, 'blocked_b');
    const seen = await profile('blocked_b', a.token);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().viewer).toMatchObject({ blocking: false });
    const block = await server.app.inject({
      method: 'POST',
      url: '/api/v1/accounts/blocked_b/block',
      headers: bearer(a.token),
    });
    expect(block.statusCode).toBe(200);
    expect((await profile('blocked_b', a.token)).statusCode).toBe(404);
    expect((await profile('blocker_a', b.token)).statusCode).toBe(404);
    expect((await profile('nobody_at_all')).statusCode).toBe(404);
    // Anyone else still sees both.
    expect((await profile('blocked_b')).statusCode).toBe(200);
  });

  it('resolves author cards in one batch, in the order asked, skipping unknown ids', async () => {
    const x = await signUpForTest(server.app, 'author_x');
    const y = await signUpForTest(server.app, 'author_y');
    await patch(y.token, { displayName: 'Why' });
    const missing = server.platform.ids.next();
    const authors = await modules.profiles.authorsByIds([y.id, missing, x.id, y.id]);
    expect([...authors.keys()]).toEqual([y.id, x.id]);
    expect(authors.get(y.id)).toEqual({ id: y.id, handle: 'author_y', displayName: 'Why', avatarUrl: null });
    expect(authors.get(x.id)).toEqual({
      id: x.id,
      handle: 'author_x',
      displayName: 'author_x',
      avatarUrl: null,
    });
    expect((await modules.profiles.authorsByIds([])).size).toBe(0);
  });
});
