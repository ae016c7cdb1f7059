import type { Construct } from 'constructs';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { DEFAULT_REGISTRATION_LIMIT_PER_MINUTE, publicWrites } from '../wiring/public-writes';
import type { Wiring } from '../wiring/types';
import { SettingsError } from './settings';

/** The CDK context key of the per-client limit on public writes (REGISTRATION_LIMIT_PER_MINUTE locally). */
export const registrationLimitContextKey = 'convene:registrationLimitPerMinute';

/** WAF's rate-based rules count from 10 requests a window; 0 leaves the rule out. */
const WAF_MINIMUM_LIMIT = 10;

/** The context's per-client limit a minute, the default when absent; 0 turns the WAF rate rule off. */
export const registrationLimitOf = (node: { tryGetContext(key: string): unknown }): number => {
  const raw: unknown = node.tryGetContext(registrationLimitContextKey);
  if (raw === undefined || raw === null || raw === '') return DEFAULT_REGISTRATION_LIMIT_PER_MINUTE;
  const limit = Number(raw);
  if (!Number.isInteger(limit) || (limit !== 0 && (limit < WAF_MINIMUM_LIMIT || limit > 2_000_000_000)))
    throw new SettingsError(
      registrationLimitContextKey,
      `must be 0 (off) or a whole number of at least ${WAF_MINIMUM_LIMIT}, WAF's smallest rate limit`,
      raw,
    );
  return limit;
};

/**
 * API Gateway's throttle of each public write route, for all callers together: well below the stage's
 * (reads and signed-in routes), so a flood of sign-ups is turned away at the API before it costs a function.
 */
export const PUBLIC_WRITE_THROTTLE = { rateLimit: 10, burstLimit: 50 } as const;

/** The stage's RouteSettings: one entry per public write of the wiring (`POST /events/{eventId}/registrations`). */
export const publicWriteRouteSettings = (wiring: Wiring): Record<string, Record<string, number>> =>
  Object.fromEntries(
    publicWrites(wiring).map((w) => [
      `${w.method} ${w.path}`,
      {
        ThrottlingRateLimit: PUBLIC_WRITE_THROTTLE.rateLimit,
        ThrottlingBurstLimit: PUBLIC_WRITE_THROTTLE.burstLimit,
      },
    ]),
  );

/**
 * Puts the per-route throttles on the stage. A route setting names a route that must exist first, so the
 * stage waits for those routes (they are the API's own, in the same stack).
 */
export const throttlePublicWrites = (stage: apigwv2.HttpStage, httpApi: Construct, wiring: Wiring): void => {
  const settings = publicWriteRouteSettings(wiring);
  (stage.node.defaultChild as apigwv2.CfnStage).routeSettings = settings;
  for (const route of httpApi.node.findAll()) {
    const cfn =
      route instanceof apigwv2.HttpRoute ? (route.node.defaultChild as apigwv2.CfnRoute) : undefined;
    if (cfn && settings[cfn.routeKey] !== undefined) stage.node.addDependency(route);
  }
};
