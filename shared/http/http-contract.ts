import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { userPoolVerifier, type BearerVerifier } from '../adapters/jwt-verifier';
import { bearerTokenOf, callerOf, mayCall, type Caller, type RouteAuth } from './claims';
import { contract, Refusal, type ContractOptions, type HttpEvent, type Schema } from './contract-core';
import { problem, type HttpResult } from './respond';
import { routeAudience } from './route-audience';
import { assertTeamScope } from './team-scope';

export { MAX_BODY_BYTES, type HttpEvent, type HttpInput, type ProblemPages } from './contract-core';

/** A 401 in API.md's shape, with the challenge RFC 6750 asks of a bearer-token resource. */
const unauthorised = (message: string, challenge: string): Refusal => {
  const result = problem(401, 'unauthorised', message);
  return new Refusal({ ...result, headers: { ...result.headers, 'www-authenticate': challenge } });
};

/**
 * The caller of a signed-in route: its bearer token verified against the user pool (401 otherwise), in
 * the route's group (403 otherwise).
 */
const authorise = async (
  event: APIGatewayProxyEventV2,
  auth: Exclude<RouteAuth, 'public'>,
  verify: BearerVerifier,
): Promise<Caller> => {
  const token = bearerTokenOf(event.headers);
  if (!token) throw unauthorised('Sign in to use this route: send Authorization: Bearer <token>.', 'Bearer');
  const claims = await verify(token);
  const caller = claims && callerOf(claims);
  if (!caller) {
    throw unauthorised(
      'The bearer token is not valid (expired, or not issued for Convene); sign in again.',
      'Bearer error="invalid_token"',
    );
  }
  if (!mayCall(caller, auth))
    throw new Refusal(problem(403, 'forbidden', `This route is for the ${auth} group.`));
  return caller;
};

/**
 * The edge of a function whose route has a signed-in audience, or a public one with an optional caller
 * (the wiring's, read at cold start; a cold start without it fails): the caller's token is verified
 * (401 if bad) and must be of that group (403 otherwise), and a signed-in caller acts only on their
 * team's events and what is under them (404 otherwise). A public route's function uses `publicContract`,
 * which never loads the verifier or the table.
 */
export const httpContract = <
  B extends Schema = undefined,
  P extends Schema = undefined,
  Q extends Schema = undefined,
>(
  options: ContractOptions<B, P, Q> = {},
): MiddlewareObj<HttpEvent<B, P, Q>, HttpResult> => {
  const { auth, optionalCaller } = routeAudience();
  const group = auth === 'public' ? optionalCaller : auth;
  if (group === undefined) return contract(options);
  // Made at module load, so a signed-in function without its user pool settings fails its cold start.
  const verify = userPoolVerifier();
  const optional = auth === 'public';
  return contract(options, async (event: APIGatewayProxyEventV2): Promise<Caller | undefined> => {
    if (optional && bearerTokenOf(event.headers) === undefined) return undefined;
    const caller = await authorise(event, group, verify);
    await assertTeamScope(caller.groups, event.pathParameters ?? {});
    return caller;
  });
};
