import type { QueryKey } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cardOf } from '../api/cards.ts';
import type { NoteCard, NoteView, Page } from '../api/types.ts';
import { usePaged } from '../hooks/use-paged.ts';
import { Masonry } from './masonry.tsx';
import { Loading, listFallback } from './states.tsx';

interface NoteGridProps {
  queryKey: QueryKey;
  /** Cards (the feeds) or full notes (other lists), shown alike. */
  fetchPage: (cursor?: string) => Promise<Page<NoteCard | NoteView>>;
  empty: ReactNode;
  enabled?: boolean;
}

/** A masonry of notes that loads more as the reader scrolls. */
export function NoteGrid({ queryKey, fetchPage, empty, enabled = true }: NoteGridProps) {
  const { t } = useTranslation();
  const list = usePaged(queryKey, fetchPage, enabled);
  const fallback = listFallback(list, empty);
  if (fallback) return fallback;
  return (
    <>
      <Masonry notes={list.items.map(cardOf)} />
      <div ref={list.sentinelRef} className="grid-footer">
        {list.isFetchingNextPage && <Loading />}
        {!list.hasNextPage && <span className="muted">{t('common.end')}</span>}
      </div>
    </>
  );
}
