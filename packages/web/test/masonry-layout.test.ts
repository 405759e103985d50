import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { placeCards } from '../src/components/masonry-layout.ts';

describe('placeCards', () => {
  it('deals each card to the shortest column, the leftmost on a tie', () => {
    const { places, heightPx } = placeCards([100, 50, 30, 40], 2, 10);
    expect(places).toEqual([
      { column: 0, top: 0 },
      { column: 1, top: 0 },
      { column: 1, top: 60 },
      { column: 1, top: 100 },
    ]);
    expect(heightPx).toBe(140);
  });

  it('has no height without cards, and one column when asked for none', () => {
    expect(placeCards([], 3, 10)).toEqual({ places: [], heightPx: 0 });
    expect(placeCards([20, 20], 0, 5).places).toEqual([
      { column: 0, top: 0 },
      { column: 0, top: 25 },
    ]);
  });

  it('meets the cards in list order when read row by row, left to right', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 6 }),
        (heights, columns) => {
          const { places } = placeCards(heights, columns, 16);
          const reading = places
            .map((place, index) => ({ ...place, index }))
            .sort((a, b) => a.top - b.top || a.column - b.column);
          expect(reading.map((p) => p.index)).toEqual(places.map((_, i) => i));
        },
      ),
    );
  });

  it('never moves a card when more arrive', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 900 }), { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 900 }), { maxLength: 20 }),
        (first, more) => {
          const before = placeCards(first, 4, 16).places;
          expect(placeCards([...first, ...more], 4, 16).places.slice(0, first.length)).toEqual(before);
        },
      ),
    );
  });
});
