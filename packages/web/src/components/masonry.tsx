import type { NoteCard as NoteCardView } from '../api/types.ts';
import { useColumns } from '../hooks/use-columns.ts';
import { coverRatio, NoteCard } from './note-card.tsx';

// Title and author row under a cover, in units of the column width: a guess that keeps
// columns level without measuring the DOM.
const CAPTION_HEIGHT = 0.42;

/**
 * Deals notes into columns, each to the shortest so far, like RedNote's waterfall. Unlike CSS
 * columns, earlier cards never move when the next page arrives.
 */
export function distribute(notes: NoteCardView[], columns: number): NoteCardView[][] {
  const result: NoteCardView[][] = Array.from({ length: columns }, () => []);
  const heights = new Array<number>(columns).fill(0);
  for (const note of notes) {
    const shortest = heights.indexOf(Math.min(...heights));
    result[shortest]?.push(note);
    heights[shortest] = (heights[shortest] ?? 0) + coverRatio(note) + CAPTION_HEIGHT;
  }
  return result;
}

export function Masonry({ notes }: { notes: NoteCardView[] }) {
  const columns = useColumns();
  return (
    <div className="masonry" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {distribute(notes, columns).map((column, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional; the index is their identity
        <div className="masonry-column" key={i}>
          {column.map((note) => (
            <NoteCard key={note.id} note={note} />
          ))}
        </div>
      ))}
    </div>
  );
}
