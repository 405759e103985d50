import type { EventOutcome } from '../contracts.ts';
import type { EventProblem } from './validate.ts';

export function rejected(eventId: string, problem: EventProblem): EventOutcome {
  return { eventId, status: 'rejected', error: problem };
}

export function applied(eventId: string, transactionId: string, points: number): EventOutcome {
  return { eventId, status: 'applied', transactionId, points };
}

export function problem(code: string, message: string, field: string): EventProblem {
  return { code, message, field };
}
