/**
 * Shared setup for the social module's HTTP tests: a Community server on the target database,
 * users signed up through the API, notes posted through the API, and a log of bus events.
 */
import {
  bearer,
  createTestServer,
  signUpForTest,
  type TestDatabase,
  type TestServer,
} from '@plaza/kernel/testing';
import type { LightMyRequestResponse } from 'fastify';
import type { CommunityEvents, NoteView } from '../contracts.ts';
import { communityProduct } from '../index.ts';
import type { CommunityModules } from '../modules.ts';
import { createTestNote, type TestNoteInput, testMediaEnv } from '../test-helpers.ts';

export interface TestUser {
  id: string;
  token: string;
  handle: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface SocialHarness {
  server: TestServer;
  modules: CommunityModules;
  call(
    method: Method,
    url: string,
    user?: TestUser | null,
    payload?: unknown,
  ): Promise<LightMyRequestResponse>;
  user(handle: string, language?: 'en' | 'zh-TW' | 'zh-CN'): Promise<TestUser>;
  note(author: TestUser, input?: TestNoteInput): Promise<NoteView>;
  /** The note as `viewer` sees it through GET /api/v1/notes/:id. */
  view(noteId: string, viewer?: TestUser | null): Promise<NoteView>;
  block(blocker: TestUser, blocked: TestUser): Promise<void>;
  events<K extends keyof CommunityEvents>(topic: K): CommunityEvents[K][];
}

export async function startSocialHarness(target: TestDatabase): Promise<SocialHarness> {
  let modules: CommunityModules | undefined;
  const server = await createTestServer(
    target,
    [
      communityProduct((m) => {
        modules = m;
      }),
    ],
    { PLAZA_SIGNUP_PER_IP_PER_HOUR: '10000', ...testMediaEnv() },
  );
  if (!modules) throw new Error('community modules were not built');
  const log = new Map<string, unknown[]>();
  for (const topic of [
    'follow.created',
    'follow.deleted',
    'like.created',
    'collect.created',
    'comment.created',
  ]) {
    log.set(topic, []);
    server.platform.bus.subscribe(topic, (payload) => {
      log.get(topic)?.push(payload);
    });
  }
  const call: SocialHarness['call'] = (method, url, user, payload) =>
    server.app.inject({
      method,
      url,
      headers: user ? bearer(user.token) : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return {
    server,
    modules,
    call,
    async user(handle, language = 'en') {
      const { id, token } = await signUpForTest(server.app, handle, language);
      return { id, token, handle };
    },
    note: (author, input) => createTestNote(server.app, author.token, input),
    async view(noteId, viewer) {
      const response = await call('GET', `/api/v1/notes/${noteId}`, viewer);
      if (response.statusCode !== 200) throw new Error(`note view failed: ${response.body}`);
      return response.json() as NoteView;
    },
    async block(blocker, blocked) {
      const response = await call('POST', `/api/v1/accounts/${blocked.handle}/block`, blocker);
      if (response.statusCode !== 200) throw new Error(`block failed: ${response.body}`);
    },
    events: <K extends keyof CommunityEvents>(topic: K) => (log.get(topic) ?? []) as CommunityEvents[K][],
  };
}
