import { keysetRows } from '@plaza/kernel';
import type { AccountDataContributor } from '../contracts.ts';
import type { NotesStore } from './store.ts';

const parseList = (json: string) => JSON.parse(json) as string[];

type NoteRow = Awaited<ReturnType<ReturnType<NotesStore['exportPagesByAuthor']>>>[number];

/** Notes in export form, a page at a time: one query for the page's image links. */
async function* presentPages(store: NotesStore, accountId: string) {
  let page: NoteRow[] = [];
  const flush = async function* () {
    const links = await store.mediaLinks(page.map((r) => r.id));
    for (const r of page) {
      yield {
        id: r.id,
        title: r.title,
        body: r.body,
        language: r.language,
        status: r.status,
        topics: parseList(r.topics),
        mediaIds: links.filter((l) => l.note_id === r.id).map((l) => l.media_id),
        likeCount: r.like_count,
        collectCount: r.collect_count,
        commentCount: r.comment_count,
        createdAt: r.created_at,
        updatedAt: r.updated_at,
      };
    }
    page = [];
  };
  for await (const row of keysetRows(store.exportPagesByAuthor(accountId), NOTES_PER_PAGE)) {
    page.push(row);
    if (page.length === NOTES_PER_PAGE) yield* flush();
  }
  if (page.length > 0) yield* flush();
}

// Each note links up to 18 images: a page's links stay in one bounded `IN` query.
const NOTES_PER_PAGE = 100;

/** Export and erasure of an account's notes; their topics and image links go with them. */
export function createNotesContributor(store: NotesStore): AccountDataContributor {
  return {
    name: 'notes',
    write: (accountId, sink) => sink.lines('notes.jsonl', presentPages(store, accountId)),
    erase: async (accountId, tx) => store.remove(await store.idsByAuthor(accountId, tx), tx),
  };
}
