import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { merchantsByIds } from './merchants.ts';
import type { Names } from './types.ts';

export const merchantKeys = {
  all: ['rewards', 'merchants'] as const,
  list: ['rewards', 'merchants', 'list'] as const,
  names: (ids: readonly string[]) => ['rewards', 'merchants', 'names', ...ids] as const,
};

// Names change rarely (the bank renames a merchant now and then): a visit asks once per list.
const NAMES_STALE_MS = 5 * 60_000;

export interface MerchantNames {
  /** The names of each known id; an id absent here has no name yet. */
  byId: ReadonlyMap<string, Names>;
  /** True until the answer for these ids is in: absent ids are then unknown, not unnamed. */
  isPending: boolean;
}

/**
 * The directory's names for the given merchant ids, one request per distinct list (however
 * the ids are ordered or repeated), kept while a changed list loads so text does not flicker.
 */
export function useMerchantNames(ids: readonly string[]): MerchantNames {
  const sorted = useMemo(() => [...new Set(ids)].sort(), [ids]);
  const query = useQuery({
    queryKey: merchantKeys.names(sorted),
    queryFn: () => merchantsByIds(sorted),
    enabled: sorted.length > 0,
    staleTime: NAMES_STALE_MS,
    placeholderData: keepPreviousData,
  });
  const byId = useMemo(() => new Map((query.data ?? []).map((m) => [m.id, m.names])), [query.data]);
  // The previous list's answer stands in while this one loads: it says nothing about new ids.
  return { byId, isPending: sorted.length > 0 && (query.isPending || query.isPlaceholderData) };
}

/** After the bank names or renames a merchant: every list of names and the directory are read again. */
export function useMerchantsChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: merchantKeys.all });
}
