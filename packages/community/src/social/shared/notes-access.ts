import { NotFoundError } from '@plaza/kernel';
import type { BlocksApi, NoteMeta, NotesApi } from '../../contracts.ts';

/**
 * The note a viewer may act on (like, collect): published, and its author not blocked either
 * way. Anything else looks exactly like a missing note, so a block or a draft leaks nothing.
 */
export async function requireVisibleNote(
  notes: NotesApi,
  blocks: BlocksApi,
  noteId: string,
  viewerId: string,
): Promise<NoteMeta> {
  const meta = await notes.meta(noteId);
  if (meta?.status !== 'published') throw new NotFoundError('That note');
  if (meta.authorId !== viewerId && (await blocks.eitherBlocks(viewerId, meta.authorId))) {
    throw new NotFoundError('That note');
  }
  return meta;
}

/** A published note that exists, whoever may see it; callers apply their own block rule. */
export async function requirePublishedNote(notes: NotesApi, noteId: string): Promise<NoteMeta> {
  const meta = await notes.meta(noteId);
  if (meta?.status !== 'published') throw new NotFoundError('That note');
  return meta;
}
