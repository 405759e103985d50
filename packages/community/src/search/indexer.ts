import type { AuthService, Clock } from '@plaza/kernel';
import type { CommunityEvents, Executor, NotesApi, ProfilesApi } from '../contracts.ts';
import { topicKey } from '../notes/text.ts';
import type { SearchStore } from './store.ts';
import { documentTokens } from './text.ts';

export interface IndexerDeps {
  store: SearchStore;
  notes: NotesApi;
  profiles: ProfilesApi;
  auth: AuthService;
  clock: Clock;
}

/**
 * Keeps the search index in step with notes, profiles and topics. Every operation reads the
 * current state from its owner and writes it whole, so handlers are idempotent and a late
 * or repeated event converges on the truth. Drafts never enter the index.
 */
export function createIndexer({ store, notes, profiles, auth, clock }: IndexerDeps) {
  /** Re-counts topics from the note ↔ topic rows; a topic without notes leaves the index. */
  async function recountTopics(keys: string[], labels: Map<string, string>, db?: Executor) {
    for (const key of new Set(keys)) {
      const noteCount = await store.countTopic(key, db);
      if (noteCount === 0) {
        await store.remove('topic', [key], db);
        continue;
      }
      const existing = await store.find('topic', key, db);
      const label = existing?.label ?? labels.get(key) ?? key;
      await store.upsert(
        {
          kind: 'topic',
          refId: key,
          authorId: null,
          label,
          sortCount: noteCount,
          createdAt: existing?.created_at ?? clock.nowMs(),
          tokens: documentTokens(`${label} ${key}`),
        },
        db,
      );
    }
  }

  async function removeNotes(noteIds: string[], db?: Executor) {
    const previous = await store.topicsOfNotes(noteIds, db);
    await store.remove('note', noteIds, db);
    await store.removeNoteTopics(noteIds, db);
    await recountTopics(previous, new Map(), db);
  }

  async function indexNote(noteId: string) {
    // Viewer null: only a published note comes back, so a draft is never indexed.
    const [view] = await notes.hydrate([noteId], null);
    if (view?.status !== 'published') return removeNotes([noteId]);
    const labels = new Map(view.topics.map((t) => [topicKey(t), t.replace(/^#+/, '')]));
    await store.upsert({
      kind: 'note',
      refId: view.id,
      authorId: view.author.id,
      label: '',
      sortCount: 0,
      createdAt: view.createdAt,
      tokens: documentTokens([view.title, view.body, ...view.topics].join('\n')),
    });
    const previous = await store.topicsOfNotes([noteId]);
    await store.setNoteTopics(
      noteId,
      [...labels.keys()].filter((k) => k !== ''),
    );
    await recountTopics([...previous, ...labels.keys()], labels);
  }

  /** Indexes handle and display name; an account without a profile card leaves the index. */
  async function indexAccount(accountId: string) {
    const [card, account] = await Promise.all([
      profiles.authorsByIds([accountId]).then((m) => m.get(accountId)),
      auth.findById(accountId),
    ]);
    if (!card || !account) return store.remove('account', [accountId]);
    // The handle whole (without "_") and in parts, so "lin_mei" is found by "linmei" and "mei".
    const text = `${card.handle} ${card.handle.replace(/_/g, '')} ${card.displayName}`;
    await store.upsert({
      kind: 'account',
      refId: accountId,
      authorId: accountId,
      label: card.handle,
      sortCount: 0,
      createdAt: account.createdAt,
      tokens: documentTokens(text),
    });
  }

  /** Everything the index holds about an account: its card and its notes' text. */
  async function eraseAccount(accountId: string, db?: Executor) {
    await store.remove('account', [accountId], db);
    await removeNotes(await store.refsByAuthor('note', accountId, db), db);
  }

  return {
    indexNote,
    indexAccount,
    eraseAccount,
    async onNotePublished(event: CommunityEvents['note.published']) {
      await indexNote(event.noteId);
      // Someone who posts is someone people look for; sign-up itself announces nothing.
      if (!(await store.find('account', event.authorId))) await indexAccount(event.authorId);
    },
    onNoteUpdated: (event: CommunityEvents['note.updated']) => indexNote(event.noteId),
    onNoteDeleted: (event: CommunityEvents['note.deleted']) => removeNotes([event.noteId]),
    onProfileUpdated: (event: CommunityEvents['profile.updated']) => indexAccount(event.accountId),
    onAccountDeleted: (event: CommunityEvents['account.deleted']) => eraseAccount(event.accountId),
  };
}

export type Indexer = ReturnType<typeof createIndexer>;
