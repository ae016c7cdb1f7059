import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { userPoolVerifier } from '../adapters/jwt-verifier';
import { logger } from '../adapters/observability';
import { DomainError } from '../domain/errors';
import { mayCall } from '../http/claims';
import { viaPublicAddress } from '../http/origin-check';
import { statusOf, seeOther, type HttpResult } from '../http/respond';
import { postedFromAnotherSite } from '../pages/form-guard';
import { NOTHING_HERE, overlongPathParameter } from '../http/path-bounds';
import { assertTeamScope } from '../http/team-scope';
import { MAX_FORM_BYTES } from './form-limit';
import { routeKeyOf, type ConsoleRoute, type ConsoleRoutes } from './console-route';
import { consoleProblem } from './console-problem';
import { consoleAudit } from '../use-cases/audit/audit-trail';
import { SESSION_COOKIE, cookieOf } from './session-cookie';
import { csrfValueOf, isCsrfValue, sessionOf, type ConsoleSession } from './session';

/** A console form's fields (the last of a repeated name) and every value of a repeated one (checkboxes). */
export interface ConsoleForm {
  readonly fields: Readonly<Record<string, string>>;
  all(name: string): readonly string[];
}

export interface ConsoleRequest<Signed extends boolean = true> {
  readonly session: Signed extends true ? ConsoleSession : ConsoleSession | undefined;
  /** The value this session's forms carry in the hidden field `csrf` (checked on every post). */
  readonly csrf: Signed extends true ? string : string | undefined;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** On a post: the form the browser sent (form-encoded). Empty on a page. */
  readonly form: ConsoleForm;
  readonly event: APIGatewayProxyEventV2;
}

export type ConsolePage<Signed extends boolean = true> = (
  request: ConsoleRequest<Signed>,
) => Promise<HttpResult>;

/** Each route of an area's table, answered by one page; a public route's page may have no session. */
export type ConsolePages<R extends ConsoleRoutes> = {
  readonly [K in keyof R]: R[K]['auth'] extends 'public' ? ConsolePage<false> : ConsolePage<true>;
};

const formOf = (event: APIGatewayProxyEventV2): ConsoleForm => {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text) > MAX_FORM_BYTES) {
    throw new DomainError('invalid', 'invalid_request', 'The form is too large to send.');
  }
  const params = new URLSearchParams(
    /^application\/x-www-form-urlencoded/i.test(event.headers?.['content-type'] ?? '') ? text : '',
  );
  return { fields: Object.fromEntries(params), all: (name) => params.getAll(name) };
};

/** Where a person without a session goes: the sign-in, which brings them back here afterwards. */
const toSignIn = (event: APIGatewayProxyEventV2): HttpResult => {
  const here =
    event.requestContext.http.method === 'GET'
      ? `${event.rawPath}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`
      : '/console';
  // A page's address is short; a longer one is not a page to come back to, and would overflow the header.
  const next = here.length <= MAX_NEXT_LENGTH ? here : '/console';
  return seeOther(`/console/sign-in?${new URLSearchParams({ next })}`);
};

const MAX_NEXT_LENGTH = 1_000;

const refused = (status: number, message: string): never => {
  throw new DomainError(status === 403 ? 'forbidden' : 'invalid', 'refused', message);
};

const groupNames: Readonly<Record<string, string>> = {
  organisers: 'organisers',
  comms: 'the communications team',
};

/**
 * One console area's function: it matches the request to the area's route table (the same table the
 * wiring serves), reads the session cookie for every signed-in route (a sign-in redirect without one),
 * checks the route's group (a 403 page) and, on every post, the session's form value and Fetch Metadata
 * (CSRF), then hands the page its request. Every refusal or failure is a page, never JSON.
 */
export const consoleHandler = <R extends ConsoleRoutes>(routes: R, pages: ConsolePages<R>) => {
  const byKey = new Map<string, { route: ConsoleRoute; page: ConsolePage<boolean> }>(
    Object.entries(routes).map(([name, route]) => [
      routeKeyOf(route),
      { route, page: pages[name as keyof R] as ConsolePage<boolean> },
    ]),
  );
  const verify = userPoolVerifier();
  const cameThroughPublicAddress = viaPublicAddress();

  return middy<APIGatewayProxyEventV2, HttpResult>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      try {
        if (!cameThroughPublicAddress(event.headers)) refused(403, 'Use Convene through its public address.');
        const found = byKey.get(event.routeKey);
        if (!found) return consoleProblem(404, 'There is no such page in the console.');
        const { route, page } = found;
        const session = await sessionOf(cookieOf(event.cookies, SESSION_COOKIE), verify);
        const posted = route.method === 'POST';
        const form = posted ? formOf(event) : { fields: {}, all: () => [] };
        if (route.auth !== 'public') {
          if (!session) return toSignIn(event);
          if (!mayCall({ subject: session.subject, groups: session.groups }, route.auth)) {
            return consoleProblem(
              403,
              `This page is for ${groupNames[route.auth] ?? route.auth}. You are signed in as ${session.email}.`,
              session,
            );
          }
        }
        if (overlongPathParameter(event.pathParameters ?? {}))
          return consoleProblem(404, NOTHING_HERE, session);
        // The same team check as the JSON API's: another team's event is not there (404).
        if (session) await assertTeamScope(session.groups, event.pathParameters ?? {});
        if (
          posted &&
          (postedFromAnotherSite(event.headers ?? {}) || (session && !isCsrfValue(session, form.fields.csrf)))
        ) {
          return consoleProblem(
            403,
            'This form was not sent from this console, or it was open too long. Go back, refresh the page and try again.',
            session,
          );
        }
        const request = {
          session,
          csrf: session ? csrfValueOf(session) : undefined,
          params: event.pathParameters ?? {},
          query: event.queryStringParameters ?? {},
          form,
          event,
        } as ConsoleRequest<boolean> as ConsoleRequest<true>;
        // After a successful answer, the record of what the route table says this route does.
        return await consoleAudit(route, request, await page(request));
      } catch (error) {
        if (error instanceof DomainError) return consoleProblem(statusOf[error.kind], error.message);
        logger.error('Unhandled error', { error: error as Error });
        return consoleProblem(500, 'Something went wrong on our side; please try again.');
      }
    });
};
