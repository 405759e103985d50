import { testDatabases } from '@plaza/kernel/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NoteView } from './contracts.ts';
import { type SocialHarness, startSocialHarness, type TestUser } from './social/test-support.ts';
import { uploadTestImage } from './test-helpers.ts';

// "abc" then a right-to-left override: shown as "abcexe.jpg" though it says "abcgpj.exe".
const SPOOF = 'abc\u202Egpj.exe';
const CONTROLS = ['\u202A', '\u202E', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C'];

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field);

/** Every text field against the one rule (`bidiSafe`): lines refused, prose without overrides. */
describe.each(testDatabases())('direction controls in every text field on $name', (target) => {
  let h: SocialHarness;
  let lin: TestUser;
  beforeAll(async () => {
    h = await startSocialHarness(target);
    lin = await h.user('bidi_lin');
  });
  afterAll(() => h.server.close());

  const profileOf = async (handle: string) =>
    (await h.call('GET', `/api/v1/accounts/${handle}`)).json() as { displayName: string; bio: string };

  it('refuses a display name holding any of them with bidi_control, and changes nothing', async () => {
    for (const c of CONTROLS) {
      const res = await h.call('PATCH', '/api/v1/me', lin, { displayName: `abc${c}gpj.exe`, bio: 'kept?' });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('bidi_control');
      expect(fieldsOf(res.json())).toEqual(['/displayName']);
    }
    const mixed = await h.call('PATCH', '/api/v1/me', lin, { displayName: SPOOF, bio: 'x'.repeat(201) });
    expect(mixed.json().code).toBe('bidi_control');
    expect(fieldsOf(mixed.json())).toEqual(['/displayName', '/bio']);
    expect(await profileOf('bidi_lin')).toMatchObject({ displayName: 'bidi_lin', bio: '' });
  });

  it('keeps a bio without its overrides, embeddings and isolates', async () => {
    const res = await h.call('PATCH', '/api/v1/me', lin, { bio: `see ${SPOOF}\u202C and \u2067שלום\u2069` });
    expect(res.statusCode, res.body).toBe(200);
    expect((await profileOf('bidi_lin')).bio).toBe('see abcgpj.exe and שלום');
  });

  it('refuses a note title or topic holding one, and keeps a body without its overrides', async () => {
    const mediaIds = [await uploadTestImage(h.server.app, lin.token)];
    const post = (payload: object) =>
      h.call('POST', '/api/v1/notes', lin, { title: 'Ok', body: '', topics: [], mediaIds, ...payload });
    for (const [payload, field] of [
      [{ title: `Cheap ${SPOOF}` }, '/title'],
      [{ title: '\u200F台北' }, '/title'],
      [{ topics: ['food', `台北\u2066美食`] }, '/topics/1'],
    ] as const) {
      const res = await post(payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('bidi_control');
      expect(fieldsOf(res.json())).toEqual([field]);
    }
    const made = await post({ body: `Download ${SPOOF}\u202C #台北美食` });
    expect(made.statusCode, made.body).toBe(201);
    const note = made.json() as NoteView;
    expect(note.body).toBe('Download abcgpj.exe #台北美食');
    expect(note.topics).toEqual(['台北美食']);
    const patch = await h.call('PATCH', `/api/v1/notes/${note.id}`, lin, { title: SPOOF });
    expect(patch.json().code).toBe('bidi_control');
    expect((await h.view(note.id)).title).toBe('Ok');
  });

  it('keeps a comment without its overrides and refuses a board name holding one', async () => {
    const note = await h.note(lin);
    const comment = await h.call('POST', `/api/v1/notes/${note.id}/comments`, lin, { body: `get ${SPOOF}` });
    expect(comment.statusCode).toBe(201);
    expect(comment.json().body).toBe('get abcgpj.exe');
    const board = await h.call('POST', '/api/v1/collections', lin, { name: SPOOF });
    expect(board.statusCode).toBe(400);
    expect(board.json().code).toBe('bidi_control');
    expect(fieldsOf(board.json())).toEqual(['/name']);
  });
});
