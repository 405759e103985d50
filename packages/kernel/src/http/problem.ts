import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type FieldIssue, type IssueParams, PlazaError } from '../errors.ts';
import { type AjvIssue, fieldIssuesOf } from './field-issues.ts';

/**
 * RFC 9457 problem details, the one error shape of every Plaza API. `errors` lists each field's
 * problem with a stable `code` and its `params`, so a client can say it in its reader's language.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  /** The values a client needs to say `code` in its own words (a date, a version id). */
  params?: IssueParams;
  detail: string;
  errors?: FieldIssue[];
  /** Set when `errors` lists only the first of more field issues (see `MAX_FIELD_ISSUES`). */
  errorsTruncated?: true;
}

interface ProblemExtras {
  params?: IssueParams;
  errorsTruncated?: boolean;
}

export function problemOf(
  code: string,
  status: number,
  detail: string,
  errors: FieldIssue[] = [],
  extras: ProblemExtras = {},
): Problem {
  return {
    type: `/problems/${code}`,
    title: code.replaceAll('_', ' '),
    status,
    code,
    ...(extras.params && Object.keys(extras.params).length > 0 ? { params: extras.params } : {}),
    detail,
    ...(errors.length > 0 ? { errors } : {}),
    ...(extras.errorsTruncated ? { errorsTruncated: true as const } : {}),
  };
}

type ClientErrorCode =
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'malformed_json'
  | 'bad_request'
  | 'bad_url'
  | 'url_too_long';

// Fastify's own error codes that are the client's fault, mapped to stable Plaza codes (typed as
// literals, so the web app's test that every code has a message reads them from here).
const FASTIFY_CLIENT_ERRORS: Record<string, { code: ClientErrorCode; status: number }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'payload_too_large', status: 413 },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'unsupported_media_type', status: 415 },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'malformed_json', status: 400 },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'malformed_json', status: 400 },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'bad_request', status: 400 },
  FST_ERR_BAD_URL: { code: 'bad_url', status: 400 },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'url_too_long', status: 414 },
  FST_ERR_ASYNC_CONSTRAINT: { code: 'bad_request', status: 400 },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { code: 'unsupported_media_type', status: 415 },
  FST_REQ_FILE_TOO_LARGE: { code: 'payload_too_large', status: 413 },
  FST_PARTS_LIMIT: { code: 'payload_too_large', status: 413 },
  FST_FILES_LIMIT: { code: 'payload_too_large', status: 413 },
  FST_FIELDS_LIMIT: { code: 'payload_too_large', status: 413 },
  FST_PROTO_VIOLATION: { code: 'bad_request', status: 400 },
};

/** Maps any thrown error to a problem; the only place errors become HTTP. */
export function toProblem(error: unknown): { problem: Problem; headers: Record<string, string> } {
  if (error instanceof PlazaError) {
    return {
      problem: problemOf(error.code, error.status, error.message, error.fields, { params: error.params }),
      headers: error.headers,
    };
  }
  const fe = error as FastifyError & { validation?: AjvIssue[]; validationContext?: string };
  if (fe?.validation) {
    const fields = fieldIssuesOf(fe.validation, fe.validationContext);
    const omitted = fe.validation.length - fields.length;
    const listed = fields.map((f) => `${f.field} ${f.message}`).join('; ');
    const detail = omitted > 0 ? `${listed}; and ${omitted} more` : listed;
    const problem = problemOf('validation_failed', 400, detail, fields, { errorsTruncated: omitted > 0 });
    return { problem, headers: {} };
  }
  const known = fe?.code ? FASTIFY_CLIENT_ERRORS[fe.code] : undefined;
  if (known) return { problem: problemOf(known.code, known.status, fe.message), headers: {} };
  if (typeof fe?.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { problem: problemOf('bad_request', fe.statusCode, fe.message), headers: {} };
  }
  return { problem: problemOf('internal_error', 500, 'Something went wrong on our side.'), headers: {} };
}

export function sendProblem(reply: FastifyReply, error: unknown, request: FastifyRequest): FastifyReply {
  const { problem, headers } = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(problem.status).headers(headers).type('application/problem+json').send(problem);
}
