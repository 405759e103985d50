import type { AccountDataContributor, Executor, NotesApi } from '../contracts.ts';

/** Removes what deleted notes leave in one part of the social module, inside `db`. */
export type NotesDeletedHandler = (noteIds: string[], db: Executor) => Promise<void>;

// NotesApi pages hold at most 100 notes; this bounds each `IN (…)` list and each delete.
export const OWN_NOTES_BATCH = 100;

/**
 * On account deletion, removes everyone's likes, board entries and comments on the account's
 * notes (drafts included). The notes contributor erases notes without publishing
 * `note.deleted`, so this must run before it, while `listByAuthor` still finds the notes.
 */
export function createOwnNotesContributor(
  notes: NotesApi,
  handlers: readonly NotesDeletedHandler[],
  batch = OWN_NOTES_BATCH,
): AccountDataContributor {
  return {
    name: 'social.onOwnNotes',
    // Others' likes, boards and comments are their data, not this account's: nothing to export.
    write: async () => {},
    async erase(accountId, db) {
      let cursor: string | undefined;
      do {
        // Only social rows go here, never notes, so the keyset cursor stays valid between pages.
        const page = await notes.listByAuthor(accountId, { cursor, limit: batch }, true, db);
        const ids = page.items.map((n) => n.id);
        for (const handler of handlers) await handler(ids, db);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    },
  };
}
