import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { now } from '../../clock';
import {
  actorOfClaims,
  type Answered,
  type AuditAction,
  type AuditActor,
} from '../../domain/audit/audit-record';
import { ulid } from 'ulid';
import { bearerTokenOf } from '../../http/claims';
import type { HttpResult } from '../../http/respond';
import { routeAuditAction } from './audit-declaration';
import { recordAnswer } from './record-audit';

type Recorded = Omit<Answered, 'status' | 'headers' | 'body' | 'at' | 'auditId'>;

/** Records what an answer did and gives the answer to send: itself, or a 500 when its record could not be written. */
export const recordAndAnswer = async (done: Recorded, result: HttpResult): Promise<HttpResult> => {
  const refused = await recordAnswer({
    ...done,
    status: result.statusCode ?? 200,
    headers: result.headers,
    body: result.body,
    at: now().toISOString(),
    auditId: `aud_${ulid().toLowerCase()}`,
  });
  return refused ?? result;
};

/**
 * The claims of a bearer token httpContract verified for this same request (its `before` refuses any
 * other), read for the names they give: the caller it kept holds the subject and groups only.
 */
const actorOfVerifiedBearer = (event: APIGatewayProxyEventV2): AuditActor | undefined => {
  const payload = bearerTokenOf(event.headers)?.split('.')[1];
  if (!payload) return undefined;
  try {
    return actorOfClaims(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>,
    );
  } catch {
    return undefined;
  }
};

/**
 * The audit of an HTTP function whose wiring route declares `audit`: after a signed-in caller's successful
 * answer, the record of that action. Used before httpContract (`.use(auditTrail()).use(httpContract(...))`),
 * so it sees the answer last. What is recorded is the wiring's alone; a test fails when a function uses
 * this and its route declares no action, or declares one and the function does not use this
 * (test/unit/audit). It is a middleware of its own rather than part of httpContract so that only the
 * functions that record carry the recorder (and its grant).
 */
export const auditTrail = (): MiddlewareObj<
  APIGatewayProxyEventV2 & { input?: { caller?: unknown } },
  HttpResult
> => {
  const action = routeAuditAction();
  if (!action) return {};
  return {
    after: async (request) => {
      const { event, response } = request;
      if (!response || !event.input?.caller) return;
      request.response = await recordAndAnswer(
        {
          action,
          via: 'api',
          actor: actorOfVerifiedBearer(event),
          method: event.requestContext.http.method,
          params: event.pathParameters ?? {},
          query: event.queryStringParameters ?? {},
        },
        response,
      );
    },
  };
};

/** The console router's audit: after a page's answer, the record of the action its route declares. */
export const consoleAudit = async (
  route: { readonly method: string; readonly audit?: AuditAction },
  request: {
    readonly session?: { readonly subject: string; readonly email: string };
    readonly params: Readonly<Record<string, string>>;
    readonly query: Readonly<Record<string, string>>;
    readonly form: { readonly fields: Readonly<Record<string, string>> };
  },
  result: HttpResult,
): Promise<HttpResult> =>
  route.audit && request.session
    ? recordAndAnswer(
        {
          action: route.audit,
          via: 'console',
          actor: { subject: request.session.subject, email: request.session.email },
          method: route.method,
          params: request.params,
          query: request.query,
          form: request.form.fields,
        },
        result,
      )
    : result;
