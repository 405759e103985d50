import { useQuery } from '@tanstack/react-query';
import { fetchMe } from '../api/account.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

/** The signed-in account (null when signed out); undefined while the first answer is on its way. */
export function useMe(): { me: Me | null | undefined; loading: boolean } {
  const { data, isPending } = useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000 });
  return { me: data, loading: isPending };
}
