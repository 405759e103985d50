import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getCatalog } from '../api/admin.ts';
import type { CatalogView } from '../api/admin-types.ts';
import { rewardsKeys } from '../hooks/use-cards.ts';

export const CATALOG_KEY = ['rewards', 'admin', 'catalog'] as const;

export const useCatalog = () => useQuery({ queryKey: CATALOG_KEY, queryFn: getCatalog });

/** Every merchant id some channel of some version names, once each, sorted. */
export function catalogMerchantIds(catalog: CatalogView | undefined): string[] {
  const ids = (catalog?.plans ?? []).flatMap((p) =>
    p.versions.flatMap((v) => v.channels.flatMap((c) => c.rules.flatMap((r) => r.merchantIds ?? []))),
  );
  return [...new Set(ids)].sort();
}

/** After any program change: the console's catalog and the holders' shelf both changed. */
export function useCatalogChanged(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: CATALOG_KEY }),
      queryClient.invalidateQueries({ queryKey: rewardsKeys.plans }),
    ]);
}
