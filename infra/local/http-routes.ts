import {
  httpRoutesOf,
  unmatchedFunctionOf,
  type HttpMethod,
  type RouteAuth,
  type Wiring,
} from '../wiring/types';

export interface LocalRoute {
  readonly functionName: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly auth: RouteAuth;
  readonly routeKey: string;
  readonly pattern: RegExp;
  readonly params: readonly string[];
}

/** The HTTP API's routes, from the wiring, as API Gateway would match them (`/events/{eventId}`). */
export const routesOf = (wiring: Wiring): LocalRoute[] =>
  Object.entries(wiring.functions).flatMap(([functionName, spec]) =>
    httpRoutesOf(spec.trigger).map(({ method, path, auth }) => {
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
      const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, '([^/]+)');
      return {
        functionName,
        method,
        path,
        auth,
        routeKey: `${method} ${path}`,
        pattern: new RegExp(`^${source}$`),
        params,
      };
    }),
  );

/**
 * What API Gateway's `$default` route is: the wiring's `unmatched` function, for any method and path no
 * route matches; undefined when the wiring has none (the server's own 404 then).
 */
export const unmatchedRouteOf = (wiring: Wiring): LocalRoute | undefined => {
  const only = unmatchedFunctionOf(wiring);
  if (!only) return undefined;
  return {
    functionName: only.name,
    method: 'GET',
    path: '$default',
    auth: only.trigger.auth,
    routeKey: '$default',
    pattern: /^/,
    params: [],
  };
};

/** A malformed escape (`%ZZ`) stays as sent, for the function's own validation to refuse with a 400. */
const decodeSegment = (segment: string): string => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export const matchRoute = (
  routes: readonly LocalRoute[],
  method: string,
  path: string,
): { route: LocalRoute; pathParameters: Record<string, string> } | { allowed: string[] } | undefined => {
  // As API Gateway chooses: a literal segment (`/campaigns/count`) before a variable (`/campaigns/{campaignId}`).
  const onPath = routes.filter((r) => r.pattern.test(path)).sort((a, b) => a.params.length - b.params.length);
  if (onPath.length === 0) return undefined;
  const route = onPath.find((r) => r.method === method);
  if (!route) return { allowed: onPath.map((r) => r.method) };
  const values = route.pattern.exec(path)?.slice(1) ?? [];
  return {
    route,
    pathParameters: Object.fromEntries(route.params.map((name, i) => [name, decodeSegment(values[i] ?? '')])),
  };
};
