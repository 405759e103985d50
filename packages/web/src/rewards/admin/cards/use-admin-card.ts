import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getAdminCard } from '../../api/admin-cards.ts';

const ADMIN_CARD_KEY = ['rewards', 'admin', 'card'] as const;

/** The card a console page is about, by the id or token in its URL. */
export const useAdminCard = (cardRef: string) =>
  useQuery({ queryKey: [...ADMIN_CARD_KEY, cardRef], queryFn: () => getAdminCard(cardRef) });

/** After a level or flag decision: every looked-up card is read again (one may be listed by token). */
export function useAdminCardChanged(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ADMIN_CARD_KEY });
}
