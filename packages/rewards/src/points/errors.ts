import { PlazaError, ValidationError } from '@plaza/kernel';
import type { EventProblem } from '../lifecycle/validate.ts';

/** A single posted event the ingestor refused: 422 with the ingestor's stable code and field. */
export class EventRejectedError extends PlazaError {
  override name = 'EventRejectedError';
  constructor(problem: EventProblem) {
    super(
      problem.code,
      problem.message,
      422,
      problem.field ? [{ field: problem.field, code: problem.code, message: problem.message }] : [],
    );
  }
}

export function notAnEventBody(field: string, message: string): ValidationError {
  return new ValidationError(
    'The body is one event, or { "events": [...] } with 1 to 1,000 events.',
    [{ field, code: 'invalid_events_body', message }],
    'invalid_events_body',
  );
}
