/** Where one card goes: its column and its distance from the top of the grid, in pixels. */
export interface CardPlace {
  column: number;
  top: number;
}

/**
 * Deals cards, in order, each to the column that is shortest so far (the leftmost on a tie),
 * like RedNote's waterfall. Because a card's top is the lowest column end at the time it is
 * placed, and column ends only grow, tops never decrease along the list: reading the grid row by
 * row, left to right, meets the cards in list order, which is also the DOM and Tab order.
 * Earlier cards never move when more arrive.
 *
 * @example
 * placeCards([100, 50, 30], 2, 10) // → places [{0, 0}, {1, 0}, {1, 60}], height 100
 */
export function placeCards(
  heights: number[],
  columns: number,
  gapPx: number,
): { places: CardPlace[]; heightPx: number } {
  const ends = new Array<number>(Math.max(1, columns)).fill(0);
  const places = heights.map((height) => {
    const top = Math.min(...ends);
    const column = ends.indexOf(top);
    ends[column] = top + height + gapPx;
    return { column, top };
  });
  const heightPx = places.length === 0 ? 0 : Math.max(...ends) - gapPx;
  return { places, heightPx };
}
