import { bearer } from '@plaza/kernel/testing';
import type { LightMyRequestResponse } from 'fastify';
import type { RewardsTestBed } from '../admin/test-support.ts';

/** A cardholder's `PUT …/plan` through the HTTP layer (tests). */
export function putPlan(
  bed: RewardsTestBed,
  token: string,
  cardId: string,
  planId: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return bed.server.app.inject({
    method: 'PUT',
    url: `/api/rewards/v1/cards/${cardId}/plan`,
    headers: { ...bearer(token), ...headers },
    payload: { planId },
  });
}
