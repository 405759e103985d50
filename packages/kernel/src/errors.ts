/**
 * Errors with stable machine codes. HTTP mapping happens in exactly one place
 * (`http/problem.ts`); services throw these and never build responses.
 */
/** Values a field issue's message is built from (`{ max: 30 }`), for clients that write their own. */
export type IssueParams = Record<string, string | number>;

export interface FieldIssue {
  /** JSON pointer-ish path of the offending field, e.g. `/title`. */
  field: string;
  /**
   * What is wrong, as a stable machine code (`too_long`, `required`, …): clients show their own
   * sentence for it, in the reader's language, from the code and `params`.
   */
  code: string;
  params?: IssueParams;
  /** The same in English, for people reading the API directly; never shown as UI text. */
  message: string;
}

/**
 * A field issue.
 * @example fieldIssue('/title', 'too_long', 'must be at most 20 characters', { max: 20 })
 */
export function fieldIssue(field: string, code: string, message: string, params?: IssueParams): FieldIssue {
  return params ? { field, code, params, message } : { field, code, message };
}

export class PlazaError extends Error {
  override name = 'PlazaError';
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: FieldIssue[] = [],
    readonly headers: Record<string, string> = {},
    /** The values a client's own sentence for `code` needs (answered as the problem's `params`). */
    readonly params: IssueParams = {},
  ) {
    super(message);
  }
}

export class ValidationError extends PlazaError {
  override name = 'ValidationError';
  constructor(message: string, fields: FieldIssue[] = [], code = 'validation_failed') {
    super(code, message, 400, fields);
  }
}

export class UnauthenticatedError extends PlazaError {
  override name = 'UnauthenticatedError';
  constructor(message = 'Sign in to do this.', code = 'unauthenticated') {
    super(code, message, 401);
  }
}

export class ForbiddenError extends PlazaError {
  override name = 'ForbiddenError';
  constructor(message = 'You may not do this.', code = 'forbidden') {
    super(code, message, 403);
  }
}

export class NotFoundError extends PlazaError {
  override name = 'NotFoundError';
  constructor(what: string, code = 'not_found') {
    super(code, `${what} was not found.`, 404);
  }
}

export class ConflictError extends PlazaError {
  override name = 'ConflictError';
  constructor(message: string, code = 'conflict', fields: FieldIssue[] = [], params: IssueParams = {}) {
    super(code, message, 409, fields, {}, params);
  }
}

export class PayloadTooLargeError extends PlazaError {
  override name = 'PayloadTooLargeError';
  constructor(message: string) {
    super('payload_too_large', message, 413);
  }
}

export class RateLimitedError extends PlazaError {
  override name = 'RateLimitedError';
  constructor(retryAfterSeconds: number, message = 'Too many requests; try again later.') {
    super('rate_limited', message, 429, [], {
      'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))),
    });
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
