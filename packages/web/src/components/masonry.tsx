import { type CSSProperties, useLayoutEffect, useRef } from 'react';
import type { NoteCard as NoteCardView } from '../api/types.ts';
import { useColumns } from '../hooks/use-columns.ts';
import { placeCards } from './masonry-layout.ts';
import { NoteCard } from './note-card.tsx';

/** Reads a length custom property of the grid (its gaps live in cards.css, per screen size). */
function pixels(style: CSSStyleDeclaration, name: string): number {
  return Number.parseFloat(style.getPropertyValue(name)) || 0;
}

/** Positions the grid's cards from their measured heights (CSS sets their width). */
function layOut(grid: HTMLElement, columns: number): void {
  const style = getComputedStyle(grid);
  const gapX = pixels(style, '--masonry-gap-x');
  const gapY = pixels(style, '--masonry-gap-y');
  const cards = Array.from(grid.children) as HTMLElement[];
  const width = (grid.clientWidth - gapX * (columns - 1)) / columns;
  const { places, heightPx } = placeCards(
    cards.map((card) => card.offsetHeight),
    columns,
    gapY,
  );
  places.forEach(({ column, top }, i) => {
    const card = cards[i];
    if (card) card.style.transform = `translate(${column * (width + gapX)}px, ${top}px)`;
  });
  grid.style.height = `${heightPx}px`;
}

/**
 * RedNote's waterfall: cards in columns of uneven heights. The cards stay in list order in the
 * DOM and are positioned by script (CSS columns or one element per column would put the Tab
 * order down each column instead of along the rows a reader follows).
 */
export function Masonry({ notes }: { notes: NoteCardView[] }) {
  const columns = useColumns();
  const grid = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the cards to place are the children `notes` renders
  useLayoutEffect(() => {
    const element = grid.current;
    if (!element) return;
    layOut(element, columns);
    // Widths change with the window, heights when a title wraps differently or fonts arrive.
    // Laid out on the next frame, not inside the observer's callback: resizing the grid there
    // would be a resize the observer cannot deliver in the same round (a "loop" error).
    let frame = 0;
    const observer = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => layOut(element, columns));
    });
    observer.observe(element);
    for (const card of element.children) observer.observe(card);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, [notes, columns]);
  return (
    <div className="masonry" ref={grid} style={{ '--columns': columns } as CSSProperties}>
      {notes.map((note) => (
        <NoteCard key={note.id} note={note} />
      ))}
    </div>
  );
}
