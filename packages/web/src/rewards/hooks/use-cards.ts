import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getCard, getPlanHistory, listCards, listPlans, switchPlan } from '../api/cards.ts';

export const rewardsKeys = {
  all: ['rewards'] as const,
  plans: ['rewards', 'plans'] as const,
  cards: ['rewards', 'cards'] as const,
  card: (cardId: string) => ['rewards', 'card', cardId] as const,
  history: (cardId: string) => ['rewards', 'card', cardId, 'history'] as const,
  transactions: (cardId: string) => ['rewards', 'card', cardId, 'transactions'] as const,
  explanation: (cardId: string, txId: string, lang: string) =>
    ['rewards', 'card', cardId, 'transactions', txId, 'points', lang] as const,
  points: (cardId: string) => ['rewards', 'card', cardId, 'points'] as const,
};

export const usePlans = () => useQuery({ queryKey: rewardsKeys.plans, queryFn: listPlans });

export const useCards = () => useQuery({ queryKey: rewardsKeys.cards, queryFn: listCards });

export const useCard = (cardId: string) =>
  useQuery({ queryKey: rewardsKeys.card(cardId), queryFn: () => getCard(cardId) });

export const usePlanHistory = (cardId: string) =>
  useQuery({ queryKey: rewardsKeys.history(cardId), queryFn: () => getPlanHistory(cardId) });

/**
 * Changes the card's plan. Success or refusal, the card is read again: either way its
 * "may switch now" and "next change at" are what the page must show next.
 */
export function useSwitchPlan(cardId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => switchPlan(cardId, planId),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: rewardsKeys.card(cardId), exact: true }),
        queryClient.invalidateQueries({ queryKey: rewardsKeys.cards }),
        queryClient.invalidateQueries({ queryKey: rewardsKeys.history(cardId) }),
      ]),
  });
}
