import type { NotesApi } from '../../contracts.ts';
import type { CollectionsStore } from './store.ts';

/**
 * Covers for board tiles: the first photo of each board's latest notes, as the viewer may see
 * them (hydration drops drafts, deleted notes and blocked authors), at most `perBoard` a board.
 * One query for the items and one hydration for every board of the page: no N+1.
 */
export function createBoardCovers(
  store: CollectionsStore,
  notes: NotesApi,
  perBoard: number,
  candidates: number,
) {
  return async (collectionIds: string[], viewerId: string | null): Promise<Map<string, string[]>> => {
    const items = await store.latestItems(collectionIds, candidates);
    const views = await notes.hydrate([...new Set(items.map((i) => i.note_id))], viewerId);
    const coverOf = new Map(
      views.flatMap((v) => {
        const urls = v.images[0]?.urls;
        const url = urls?.thumb ?? urls?.large ?? urls?.original;
        return url ? [[v.id, url] as const] : [];
      }),
    );
    const covers = new Map<string, string[]>();
    for (const { collection_id, note_id } of items) {
      const list = covers.get(collection_id) ?? [];
      const url = coverOf.get(note_id);
      if (url && list.length < perBoard) list.push(url);
      covers.set(collection_id, list);
    }
    return covers;
  };
}
