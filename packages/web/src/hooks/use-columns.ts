import { useEffect, useState } from 'react';

// Breakpoints in CSS pixels: phones 2 columns (RedNote's layout), tablets 3, desktops 4–5.
const BREAKPOINTS: [number, number][] = [
  [1280, 5],
  [1024, 4],
  [720, 3],
];

function columnsFor(width: number): number {
  for (const [min, columns] of BREAKPOINTS) if (width >= min) return columns;
  return 2;
}

/** The masonry column count for the current window width, updated on resize. */
export function useColumns(): number {
  const [columns, setColumns] = useState(() => columnsFor(window.innerWidth));
  useEffect(() => {
    const onResize = () => setColumns(columnsFor(window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return columns;
}
