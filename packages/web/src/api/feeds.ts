import { api, enc, query } from './client.ts';
import type { AuthorView, NoteCard, NoteView, Page, TopicView } from './types.ts';

/** The discover feed's query key (the home page's grid; seeded by `first-screen.ts`). */
export const DISCOVER_KEY = ['feed', 'discover'] as const;

export const discoverFeed = (cursor?: string) =>
  api<Page<NoteCard>>('GET', `/api/v1/feed/discover${query({ cursor })}`);
export const followingFeed = (cursor?: string) =>
  api<Page<NoteCard>>('GET', `/api/v1/feed/following${query({ cursor })}`);
export const topicFeed = (topic: string, cursor?: string) =>
  api<Page<NoteView>>('GET', `/api/v1/topics/${enc(topic)}${query({ cursor })}`);

export type SearchType = 'notes' | 'accounts' | 'topics';

export interface SearchResults {
  notes: Page<NoteView>;
  accounts: Page<AuthorView>;
  topics: Page<TopicView>;
}

export const search = <T extends SearchType>(q: string, type: T, cursor?: string) =>
  api<SearchResults[T]>('GET', `/api/v1/search${query({ q, type, cursor })}`);
