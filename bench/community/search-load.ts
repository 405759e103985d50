import { documentTokens } from '../../packages/community/src/search/text.ts';
import type { BulkTarget, Cell, Column, Sink } from './bulk.ts';
import type { Fixture } from './fixture.ts';

/**
 * The search index as search/indexer.ts leaves it (see the loader's header comment):
 * - a `note` document per published note: tokens of title, body and topics as written;
 * - an `account` document per account (search indexes every account on `account.created`):
 *   tokens of handle, handle without "_", and display name (the handle without a profile);
 * - a `topic` document per topic key: the label of the first note that used it, its count
 *   of published notes, the time it first appeared, tokens of label and key;
 * - `search_note_topics`: each published note's topic keys.
 * SQLite also gets the FTS5 row of every document (rowid = doc_key); PostgreSQL computes
 * the tsvector column itself, and its doc_key comes from the table's sequence.
 */
interface DocumentWriter {
  push(doc: Cell[]): Promise<void>;
  end(): Promise<void>;
}

function documentWriter(target: BulkTarget): DocumentWriter {
  const columns: Column[] = [
    { name: 'kind', type: 'text' },
    { name: 'ref_id', type: 'text' },
    { name: 'author_id', type: 'text' },
    { name: 'label', type: 'text' },
    { name: 'sort_count', type: 'int4' },
    { name: 'created_at', type: 'int8' },
    { name: 'tokens', type: 'text' },
  ];
  if (target.dialect === 'postgres') return target.sink('search_documents', columns);
  const docs = target.sink('search_documents', [{ name: 'doc_key', type: 'int8' }, ...columns]);
  const fts: Sink = target.sink('search_fts', [
    { name: 'rowid', type: 'int8' },
    { name: 'tokens', type: 'text' },
  ]);
  let key = 0;
  return {
    async push(doc) {
      key += 1;
      await docs.push([key, ...doc]);
      await fts.push([key, doc[6]!]);
    },
    end: async () => {
      await docs.end();
      await fts.end();
    },
  };
}

interface TopicStats {
  label: string;
  count: number;
  firstAt: number;
}

/** Topic documents' facts, counted over published notes in creation order. */
function topicStats({ notes }: Fixture): Map<string, TopicStats> {
  const topics = new Map<string, TopicStats>();
  for (let i = 0; i < notes.ids.length; i += 1) {
    if (!notes.published[i]) continue;
    const t = notes.text[i]!;
    t.topicKeys.forEach((key, k) => {
      if (key === '') return;
      const stats = topics.get(key);
      if (stats) stats.count += 1;
      else topics.set(key, { label: t.labels[k]!, count: 1, firstAt: notes.createdAt[i]! });
    });
  }
  return topics;
}

export async function loadSearch(target: BulkTarget, fixture: Fixture): Promise<number> {
  const { accounts, notes } = fixture;
  const docs = documentWriter(target);
  const noteTopics = target.sink('search_note_topics', [
    { name: 'note_id', type: 'text' },
    { name: 'topic_key', type: 'text' },
  ]);
  let count = 0;
  for (let i = 0; i < notes.ids.length; i += 1) {
    if (!notes.published[i]) continue;
    const t = notes.text[i]!;
    const at = notes.createdAt[i]!;
    await docs.push(['note', notes.ids[i]!, accounts.ids[notes.author[i]!]!, '', 0, at, t.tokens]);
    for (const key of new Set(t.topicKeys)) if (key !== '') await noteTopics.push([notes.ids[i]!, key]);
    count += 1;
  }
  for (let a = 0; a < accounts.ids.length; a += 1) {
    const handle = accounts.handles[a]!;
    const shown = accounts.displayNames[a] ?? handle;
    const tokens = documentTokens(`${handle} ${handle.replace(/_/g, '')} ${shown}`).join(' ');
    await docs.push([
      'account',
      accounts.ids[a]!,
      accounts.ids[a]!,
      handle,
      0,
      accounts.createdAt[a]!,
      tokens,
    ]);
    count += 1;
  }
  for (const [key, stats] of topicStats(fixture)) {
    const tokens = documentTokens(`${stats.label} ${key}`).join(' ');
    await docs.push(['topic', key, null, stats.label, stats.count, stats.firstAt, tokens]);
    count += 1;
  }
  await docs.end();
  await noteTopics.end();
  return count;
}
