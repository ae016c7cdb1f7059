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

/** The headers of every page: the same for a page, a redirect between pages and a download. */
const pageHeaders = {
  'cache-control': 'no-store',
  // Tokens are in the URLs of the pages mail links open: no other site is ever told them.
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  // The pages' own hashed stylesheet and module script only: no inline script or style, no framing, and
  // a form may post only to this origin.
  'content-security-policy':
    "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; connect-src 'self'; " +
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
} as const;

/** A page for a person (a browser): no caching, no referrer, nothing from another origin. */
export const html = (statusCode: number, page: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', ...pageHeaders },
  body: page,
});

/** After a form's post succeeds: the browser asks for the next page (POST/redirect/GET), so a refresh posts nothing. */
export const seeOther = (location: string): HttpResult => ({
  statusCode: 303,
  headers: { location, ...pageHeaders },
  body: '',
});

/** A file for a person to save (a calendar invite), with the page headers. */
export const download = (contentType: string, filename: string, body: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': contentType,
    'content-disposition': `attachment; filename="${filename}"`,
    ...pageHeaders,
  },
  body,
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
