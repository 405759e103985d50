import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page } from '../api/types.ts';
import { usePaged } from '../hooks/use-paged.ts';
import { listFallback } from './states.tsx';

interface ResultListProps<T> {
  queryKey: QueryKey;
  fetchPage: (cursor?: string) => Promise<Page<T>>;
  empty: ReactNode;
  itemKey: (item: T) => string;
  /** The row for one item, usually a link with the `result-row` class. */
  children: (item: T) => ReactNode;
}

/** A one-column list of search results that loads more as the reader scrolls. */
export function ResultList<T>({ queryKey, fetchPage, empty, itemKey, children }: ResultListProps<T>) {
  const list = usePaged(queryKey, fetchPage);
  const fallback = listFallback(list, empty);
  if (fallback) return fallback;
  return (
    <>
      <ul className="result-list">
        {list.items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
      <div ref={list.sentinelRef} />
    </>
  );
}
