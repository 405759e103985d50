import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getCatalog } from '../api/admin.ts';
import { rewardsKeys } from '../hooks/use-cards.ts';

export const CATALOG_KEY = ['rewards', 'admin', 'catalog'] as const;

export const useCatalog = () => useQuery({ queryKey: CATALOG_KEY, queryFn: getCatalog });

/** After any program change: the console's catalog and the holders' shelf both changed. */
export function useCatalogChanged(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CATALOG_KEY }),
      queryClient.invalidateQueries({ queryKey: rewardsKeys.plans }),
    ]);
}
