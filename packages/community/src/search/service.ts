import { type AuthService, ValidationError } from '@plaza/kernel';
import type {
  AuthorView,
  BlocksApi,
  NotesApi,
  NoteView,
  Page,
  PageRequest,
  ProfilesApi,
} from '../contracts.ts';
import { fillPage, type PageSource } from '../feed/fill-page.ts';
import { topicKey } from '../notes/text.ts';
import type { Indexer } from './indexer.ts';
import type { DocumentKind, SearchHit, SearchKeyset, SearchStore } from './store.ts';
import { type QueryTerm, queryTerms } from './text.ts';

export type SearchType = 'notes' | 'accounts' | 'topics';

export interface TopicResult {
  topic: string;
  noteCount: number;
}

export interface SearchDeps {
  store: SearchStore;
  indexer: Indexer;
  notes: NotesApi;
  profiles: ProfilesApi;
  blocks: BlocksApi;
  auth: AuthService;
}

const KIND: Record<SearchType, DocumentKind> = { notes: 'note', accounts: 'account', topics: 'topic' };
const HANDLE_RE = /^[a-z0-9_]{3,30}$/;
const NO_ONE = new Set<string>();

function invalidCursor(): ValidationError {
  return new ValidationError(
    'The cursor is not one this API gave out.',
    [{ field: 'querystring:/cursor', code: 'invalid_cursor', message: 'is not a valid cursor' }],
    'invalid_cursor',
  );
}

export function encodeSearchCursor(key: SearchKeyset): string {
  return Buffer.from(JSON.stringify([key.sortCount, key.createdAt, key.refId]), 'utf8').toString('base64url');
}

/** A client's cursor; anything this API did not hand out is a 400, never a 500. */
export function decodeSearchCursor(cursor: string | undefined): SearchKeyset | null {
  if (cursor === undefined || cursor === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalidCursor();
  const [sortCount, createdAt, refId] = parsed as unknown[];
  if (!Number.isSafeInteger(sortCount) || !Number.isSafeInteger(createdAt)) throw invalidCursor();
  if (typeof refId !== 'string' || refId.length === 0 || refId.length > 200) throw invalidCursor();
  return { sortCount: sortCount as number, createdAt: createdAt as number, refId };
}

export function createSearchService({ store, indexer, notes, profiles, blocks, auth }: SearchDeps) {
  /** Index rows in result order; the cursor is the last row's sort key. */
  const hitSource =
    (kind: DocumentKind, terms: QueryTerm[]): PageSource<SearchHit> =>
    async (cursor, limit) => {
      const rows = await store.search(kind, terms, decodeSearchCursor(cursor), limit + 1);
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return {
        items,
        nextCursor:
          rows.length > limit && last
            ? encodeSearchCursor({
                sortCount: last.sort_count,
                createdAt: last.created_at,
                refId: last.ref_id,
              })
            : null,
      };
    };

  async function presentNotes(hits: SearchHit[], viewerId: string | null, hidden: Set<string>) {
    const ids = hits.filter((h) => !hidden.has(h.author_id ?? '')).map((h) => h.ref_id);
    if (ids.length === 0) return [];
    // Hydration drops notes deleted since they were indexed, and applies `hidden` to their
    // current authors.
    return notes.hydrate(ids, viewerId, { hidden });
  }

  async function presentAccounts(hits: SearchHit[], hidden: Set<string>): Promise<AuthorView[]> {
    const ids = hits.map((h) => h.ref_id).filter((id) => !hidden.has(id));
    const cards = await profiles.authorsByIds(ids);
    return ids.flatMap((id) => cards.get(id) ?? []);
  }

  /**
   * An account nobody has followed and that never posted or edited its profile is not yet
   * indexed (sign-up announces nothing); an exact handle still finds it.
   */
  async function ensureHandleIndexed(query: string): Promise<void> {
    const handle = query.trim().replace(/^@/, '').toLowerCase();
    if (!HANDLE_RE.test(handle)) return;
    const account = await auth.findByHandle(handle);
    if (account && !(await store.find('account', account.id))) await indexer.indexAccount(account.id);
  }

  async function search(
    type: SearchType,
    query: string,
    viewerId: string | null,
    page: PageRequest,
  ): Promise<Page<NoteView | AuthorView | TopicResult>> {
    const terms = queryTerms(query);
    if (terms.length === 0) return { items: [], nextCursor: null };
    if (type === 'accounts' && !page.cursor) await ensureHandleIndexed(query);
    const hidden = viewerId ? await blocks.hiddenFrom(viewerId) : NO_ONE;
    const source = hitSource(KIND[type], terms);
    switch (type) {
      case 'notes':
        return fillPage(source, (hits) => presentNotes(hits, viewerId, hidden), page);
      case 'accounts':
        return fillPage(source, (hits) => presentAccounts(hits, hidden), page);
      case 'topics':
        return fillPage(
          source,
          async (hits) => hits.map((h) => ({ topic: h.label, noteCount: h.sort_count })),
          page,
        );
    }
  }

  return {
    search,
    /** For the topic page: the topic's display name and how many published notes carry it. */
    async topicInfo(key: string) {
      const doc = await store.find('topic', topicKey(key));
      return doc ? { label: doc.label, noteCount: doc.sort_count } : undefined;
    },
  };
}

export type SearchService = ReturnType<typeof createSearchService>;
