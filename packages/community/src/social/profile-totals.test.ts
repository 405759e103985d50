import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SocialHarness, startSocialHarness, type TestUser } from './test-support.ts';

describe.each(testDatabases())('likes and collects received, on the profile, on $name', (target) => {
  let h: SocialHarness;
  let author: TestUser;
  let ann: TestUser;
  let bo: TestUser;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    author = await h.user('pt_author');
    ann = await h.user('pt_ann');
    bo = await h.user('pt_bo');
  });
  afterAll(() => h.server.close());

  const total = async (viewer: TestUser | null) =>
    (await h.call('GET', '/api/v1/accounts/pt_author', viewer)).json().likesAndCollects as number;

  it('adds up the likes and collects of the published notes, following takebacks', async () => {
    expect(await total(null)).toBe(0);
    const first = await h.note(author);
    const second = await h.note(author);
    const draft = await h.note(author, { status: 'draft' });
    for (const who of [ann, bo]) await h.call('POST', `/api/v1/notes/${first.id}/like`, who);
    await h.call('POST', `/api/v1/notes/${first.id}/collect`, ann);
    await h.call('POST', `/api/v1/notes/${second.id}/collect`, bo);
    // Liking twice is one like; the author's own draft counts for nothing.
    await h.call('POST', `/api/v1/notes/${first.id}/like`, ann);
    expect(draft.status).toBe('draft');
    expect(await total(null)).toBe(4);
    expect(await total(ann)).toBe(4);
    expect((await h.call('GET', '/api/v1/me', author)).json().likesAndCollects).toBe(4);
    await h.call('DELETE', `/api/v1/notes/${first.id}/like`, bo);
    expect(await total(null)).toBe(3);
  });
});
