import { EnvNames, MissingConfigurationError, type EnvName } from '../config/env';
import type { RouteAuth } from './claims';

/** Who may call a route: its wiring trigger's `auth`, and on a public route the group an optional token is of. */
export interface RouteAudience {
  readonly auth: RouteAuth;
  readonly optionalCaller?: Exclude<RouteAuth, 'public'>;
}

const AUDIENCES: readonly RouteAuth[] = ['public', 'organisers', 'comms'];

const isAuth = (value: string | undefined): value is RouteAuth => AUDIENCES.includes(value as RouteAuth);

/**
 * The variables that carry a route's audience from the wiring to its function: the CDK app sets them on
 * the Lambda function (infra/constructs/wired-functions.ts), the local stack around its cold start.
 */
export const routeAudienceEnvironment = (audience: RouteAudience): Partial<Record<EnvName, string>> => ({
  [EnvNames.routeAuth]: audience.auth,
  ...(audience.optionalCaller ? { [EnvNames.routeOptionalCaller]: audience.optionalCaller } : {}),
});

/**
 * The audience the wiring declared for this function's route, read at cold start. Fails closed: a function
 * without one (or with a value that names no group) fails its cold start rather than answer anyone.
 */
export const routeAudience = (): RouteAudience => {
  const auth = process.env[EnvNames.routeAuth];
  if (!isAuth(auth)) throw new MissingConfigurationError(EnvNames.routeAuth);
  const optional = process.env[EnvNames.routeOptionalCaller] || undefined;
  if (optional === undefined) return { auth };
  if (auth !== 'public' || !isAuth(optional) || optional === 'public') {
    throw new MissingConfigurationError(EnvNames.routeOptionalCaller);
  }
  return { auth, optionalCaller: optional };
};
