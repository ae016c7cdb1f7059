import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type * as z from '../zod';
import { DomainError } from '../domain/errors';
import { logger } from '../adapters/observability';
import type { Caller } from './claims';
import { viaPublicAddress } from './origin-check';
import { problem, statusOf, wantsHtml, type HttpResult } from './respond';
import type { ErrorBody } from '../api/common';
import { problemsOf } from './zod-problems';
import { NOTHING_HERE, overlongPathParameter } from './path-bounds';

/** Bodies larger than this are refused before parsing (issue 3: "a body over 16 KB is a 400"). */
export const MAX_BODY_BYTES = 16 * 1024;

export type Schema = z.ZodMiniType | undefined;
type Parsed<S extends Schema> = S extends z.ZodMiniType ? z.infer<S> : undefined;

export interface HttpInput<B extends Schema, P extends Schema, Q extends Schema> {
  readonly body: Parsed<B>;
  readonly params: Parsed<P>;
  readonly query: Parsed<Q>;
  readonly caller: Caller | undefined;
  /**
   * On a route with `pages`: the fields of a form a browser posted (form-encoded, asking for HTML or with
   * the page's `formToken`), handed over unchecked so the page can show its own errors beside its fields;
   * `body` is then not parsed.
   */
  readonly form?: Readonly<Record<string, string>>;
}

export type HttpEvent<
  B extends Schema = undefined,
  P extends Schema = undefined,
  Q extends Schema = undefined,
> = APIGatewayProxyEventV2 & { input: HttpInput<B, P, Q> };

/**
 * What a handler says about its route. Who may call it is not here: the wiring declares a route's audience
 * once (infra/wiring), and the check reads it from the function's environment (route-audience.ts).
 */
export interface ContractOptions<B extends Schema, P extends Schema, Q extends Schema> {
  readonly body?: B;
  /**
   * How the body comes: JSON (the default, required), or as an HTML form or an RFC 8058 one-click client
   * posts it: form-encoded fields, or no body at all (then the schema sees `{}`).
   */
  readonly bodyEncoding?: 'json' | 'form';
  readonly params?: P;
  readonly query?: Q;
  /** A larger body limit for a route whose schema allows more (a survey's text answers). */
  readonly maxBodyBytes?: number;
  /** On a public route with an optional caller (wiring): the body schema for callers without a token (`body` is then the signed-in one). */
  readonly bodyWithoutCaller?: z.ZodMiniType;
  /**
   * A route people reach in a browser too: a form-encoded body arrives as `input.form`, and every refusal
   * or failure is answered to a browser (`Accept: text/html`) as the page this gives, never as JSON.
   * Passed in, so JSON-only functions never load the templates.
   */
  readonly pages?: ProblemPages;
}

/** The page a browser gets for a refused or failed request: its status and a sentence for a person. */
export type ProblemPages = (status: number, message: string) => HttpResult;

/** A request answered before its handler runs: the answer it gets. */
export class Refusal extends Error {
  constructor(readonly result: HttpResult) {
    super('refused');
  }
}

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/** Form fields as a flat object; a field sent twice is refused rather than guessed at. */
const decodeForm = (event: APIGatewayProxyEventV2, text: string): Record<string, string> => {
  if (text.trim() === '') return {};
  if (!FORM.test(event.headers?.['content-type'] ?? '')) {
    throw new Refusal(
      problem(
        400,
        'invalid_request',
        'Send the body form-encoded (application/x-www-form-urlencoded), or none.',
      ),
    );
  }
  const fields: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    if (Object.hasOwn(fields, name)) {
      throw new Refusal(
        problem(400, 'invalid_request', 'The request is not valid.', [
          { path: name, message: 'Sent more than once' },
        ]),
      );
    }
    fields[name] = value;
  }
  return fields;
};

const decodeText = (event: APIGatewayProxyEventV2, maxBytes: number): string => {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new Refusal(problem(400, 'invalid_request', `The body is over ${maxBytes / 1024} KB.`));
  }
  return text;
};

/**
 * A page's form, posted by a browser: form-encoded, from a client that asks for HTML or sends the page's
 * signed `formToken`. Any other client (an integrator posting fields, a mail client's RFC 8058 one-click
 * post) is answered as the JSON contract says, so its body goes through the route's schema as before.
 */
const pageForm = (event: APIGatewayProxyEventV2, maxBytes: number): Record<string, string> | undefined => {
  if (!FORM.test(event.headers?.['content-type'] ?? '')) return undefined;
  const fields = decodeForm(event, decodeText(event, maxBytes));
  return wantsHtml(event.headers ?? {}) || Object.hasOwn(fields, 'formToken') ? fields : undefined;
};

const decodeBody = (event: APIGatewayProxyEventV2, encoding: 'json' | 'form', maxBytes: number): unknown => {
  const text = decodeText(event, maxBytes);
  if (encoding === 'form') return decodeForm(event, text);
  if (text.trim() === '') throw new Refusal(problem(400, 'invalid_request', 'A JSON body is required.'));
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal(problem(400, 'invalid_request', 'The body is not valid JSON.'));
  }
};

const check = <S extends Schema>(schema: S, value: unknown, base: string): Parsed<S> => {
  if (!schema) return undefined as Parsed<S>;
  const result = schema.safeParse(value);
  if (result.success) return result.data as Parsed<S>;
  throw new Refusal(
    problem(400, 'invalid_request', 'The request is not valid.', problemsOf(result.error, base)),
  );
};

/**
 * Who is calling, found after the address and path checks and before anything is parsed: undefined for
 * nobody; it throws a Refusal (401, 403, or 404 for another team's) for a caller who may not.
 */
export type CallerCheck = (event: APIGatewayProxyEventV2) => Promise<Caller | undefined>;

/**
 * The edge of every HTTP function, whoever may call it: checks the address and path, asks `callerOf`
 * who is calling, parses and validates path, query and body once with zod, and turns every failure into
 * API.md's error shape. Unknown errors become a 500 that says nothing internal, and are logged. Handlers
 * use `httpContract` (signed-in routes, and public ones with an optional caller) or `publicContract`.
 */
export const contract = <B extends Schema, P extends Schema, Q extends Schema>(
  options: ContractOptions<B, P, Q>,
  callerOf?: CallerCheck,
): MiddlewareObj<HttpEvent<B, P, Q>, HttpResult> => {
  const cameThroughPublicAddress = viaPublicAddress();
  return {
    before: async (request) => {
      const event = request.event;
      if (!cameThroughPublicAddress(event.headers)) {
        throw new Refusal(problem(403, 'forbidden', 'Use Convene through its public address.'));
      }
      if (overlongPathParameter(event.pathParameters ?? {})) {
        throw new Refusal(problem(404, 'not_found', NOTHING_HERE));
      }
      const caller = callerOf ? await callerOf(event) : undefined;
      const bodySchema = caller ? options.body : (options.bodyWithoutCaller ?? options.body);
      const params = check(options.params, event.pathParameters ?? {}, '');
      const query = check(options.query, event.queryStringParameters ?? {}, '');
      const form = options.pages ? pageForm(event, options.maxBodyBytes ?? MAX_BODY_BYTES) : undefined;
      const body =
        options.body && !form
          ? check(
              bodySchema,
              decodeBody(event, options.bodyEncoding ?? 'json', options.maxBodyBytes ?? MAX_BODY_BYTES),
              '',
            )
          : (undefined as Parsed<B>);
      event.input = { body, params, query, caller, form } as HttpInput<B, P, Q>;
    },
    onError: (request) => {
      const error = request.error;
      if (error instanceof Refusal) {
        request.response = error.result;
      } else if (error instanceof DomainError) {
        request.response = problem(statusOf[error.kind], error.code, error.message, error.details);
      } else {
        logger.error('Unhandled error', { error: error as Error });
        request.response = problem(
          500,
          'internal_error',
          'Something went wrong on our side; please try again.',
        );
      }
      if (options.pages && wantsHtml(request.event.headers ?? {})) {
        const { error: refused } = JSON.parse(String(request.response.body)) as ErrorBody;
        request.response = options.pages(request.response.statusCode ?? 500, refused.message);
      }
    },
  };
};
