import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { ErrorBody } from '../api/common';
import type { FieldProblem, ProblemKind } from '../domain/errors';

export type HttpResult = APIGatewayProxyStructuredResultV2;

export const json = (
  statusCode: number,
  body: unknown,
  headers: Record<string, string> = {},
): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(body),
});

/**
 * A page for a person who followed a link from a mail. No caching; no referrer, since the link's token is
 * in the URL; no framing and no script; a form may post only to this origin.
 */
export const html = (statusCode: number, page: string): HttpResult => ({
  statusCode,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  },
  body: page,
});

/** True when the client asked for HTML first (a browser submitting a form), rather than JSON. */
export const wantsHtml = (headers: Readonly<Record<string, string | undefined>>): boolean =>
  /^\s*text\/html\b/i.test(headers.accept ?? headers.Accept ?? '');

export const noContent = (): HttpResult => ({ statusCode: 204, headers: { 'cache-control': 'no-store' } });

export const statusOf: Record<ProblemKind, number> = {
  invalid: 400,
  unauthorised: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
};

/** The error shape of API.md: `{"error": {"code", "message", "details"}}`. */
export const problem = (
  statusCode: number,
  code: string,
  message: string,
  details: readonly FieldProblem[] = [],
): HttpResult => json(statusCode, { error: { code, message, details: [...details] } } satisfies ErrorBody);

/** True when the client asked for CSV (`Accept: text/csv`). */
export const wantsCsv = (headers: Readonly<Record<string, string | undefined>>): boolean =>
  /\btext\/csv\b/i.test(headers.accept ?? headers.Accept ?? '');

export const csv = (body: string, filename: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  },
  body,
});
