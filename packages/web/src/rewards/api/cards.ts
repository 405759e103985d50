import { api, enc } from '../../api/client.ts';
import type { CardView, PlanHistory, PlansResponse, SwitchResult } from './types.ts';

const BASE = '/api/rewards/v1';

/** The plans on the shelf now, each in its current version. */
export const listPlans = () => api<PlansResponse>('GET', `${BASE}/plans`);

/** The signed-in holder's cards, with the plan in force today. */
export const listCards = () => api<{ items: CardView[] }>('GET', `${BASE}/cards`);

export const getCard = (cardId: string) => api<CardView>('GET', `${BASE}/cards/${enc(cardId)}`);

/** Changes the card's plan; once per Asia/Taipei day, applying from 00:00 that day. */
export const switchPlan = (cardId: string, planId: string) =>
  api<SwitchResult>('PUT', `${BASE}/cards/${enc(cardId)}/plan`, { planId });

export const getPlanHistory = (cardId: string) =>
  api<PlanHistory>('GET', `${BASE}/cards/${enc(cardId)}/plan-history`);
