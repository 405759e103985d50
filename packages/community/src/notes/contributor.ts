import type { AccountDataContributor } from '../contracts.ts';
import type { NotesStore } from './store.ts';

const parseList = (json: string) => JSON.parse(json) as string[];

/** Export and erasure of an account's notes; their topics and image links go with them. */
export function createNotesContributor(store: NotesStore): AccountDataContributor {
  return {
    name: 'notes',
    async export(accountId, tx) {
      const rows = await store.byAuthor(accountId, tx);
      const links = await store.mediaLinks(
        rows.map((r) => r.id),
        tx,
      );
      return rows.map((r) => ({
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
      }));
    },
    erase: async (accountId, tx) => store.remove(await store.idsByAuthor(accountId, tx), tx),
  };
}
