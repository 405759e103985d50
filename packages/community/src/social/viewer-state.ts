import { type Kysely, sql } from 'kysely';
import type { ViewerStateProvider } from '../contracts.ts';
import type { SocialTables } from './shared/tables.ts';

// A page asks for at most a hundred notes; this caps the IN lists anyway.
const NOTE_IDS_MAX = 500;

/**
 * Liked/collected state for note views in one round trip: both tables' hits for the viewer
 * as one `union all`, told apart by a kind column.
 */
export function createViewerStateProvider(db: Kysely<SocialTables>): ViewerStateProvider {
  return async (noteIds, viewerId) => {
    const state = new Map(noteIds.map((id) => [id, { liked: false, collected: false }]));
    for (let i = 0; i < noteIds.length; i += NOTE_IDS_MAX) {
      const slice = noteIds.slice(i, i + NOTE_IDS_MAX);
      const rows = await db
        .selectFrom('social_likes')
        .select([sql<string>`'like'`.as('kind'), 'note_id'])
        .where('account_id', '=', viewerId)
        .where('note_id', 'in', slice)
        .unionAll(
          db
            .selectFrom('social_collects')
            .select([sql<string>`'collect'`.as('kind'), 'note_id'])
            .where('account_id', '=', viewerId)
            .where('note_id', 'in', slice),
        )
        .execute();
      for (const row of rows) {
        const entry = state.get(row.note_id);
        if (!entry) continue;
        if (row.kind === 'like') entry.liked = true;
        else entry.collected = true;
      }
    }
    return state;
  };
}
