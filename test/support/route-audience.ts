import { routeAudienceEnvironment, type RouteAudience } from '../../shared/http/route-audience';

/**
 * Builds a handler as its cold start would run for a route the wiring gives this audience: the variables
 * are set while `build` runs (httpContract reads them then), and taken away afterwards.
 */
export const asRoute = <T>(audience: RouteAudience, build: () => T): T => {
  const variables = routeAudienceEnvironment(audience);
  const before = { ...process.env };
  Object.assign(process.env, variables);
  try {
    return build();
  } finally {
    for (const name of Object.keys(variables)) {
      if (before[name] === undefined) delete process.env[name];
      else process.env[name] = before[name];
    }
  }
};
