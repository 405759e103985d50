import type { QueryClient } from '@tanstack/react-query';
import { DISCOVER_KEY } from './feeds.ts';
import type { NoteCard, Page } from './types.ts';

/** The id of the JSON block the server puts into the home page (kernel `FIRST_SCREEN_DATA_ID`). */
const DATA_ID = 'first-screen-data';

/**
 * Takes the discover page the server rendered into the home page (its first cards, and the same
 * JSON `GET /api/v1/feed/discover` answers) into the query cache, so the feed starts from it
 * instead of asking again. Read once and removed: a later visit to the feed asks the server.
 */
export function seedFirstScreen(client: QueryClient): void {
  const element = document.getElementById(DATA_ID);
  if (!element) return;
  element.remove();
  let page: Page<NoteCard>;
  try {
    page = JSON.parse(element.textContent ?? '') as Page<NoteCard>;
  } catch {
    return; // Cut short in transit: the feed asks the server as it would without it.
  }
  if (!Array.isArray(page?.items)) return;
  // The shape useInfiniteQuery keeps (hooks/use-paged.ts): the first page, asked with no cursor.
  client.setQueryData(DISCOVER_KEY, { pages: [page], pageParams: [undefined] });
}
