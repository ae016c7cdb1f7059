import type { HttpMethod, Wiring } from './types';

export interface PublicWrite {
  readonly functionName: string;
  readonly method: HttpMethod;
  readonly path: string;
}

/**
 * The routes anyone may write to without an account (register, cancel or change by link, resend a link,
 * unsubscribe, answer a survey), read from the wiring: what the per-client limit (WAF locally stood in for by
 * infra/local/client-limit.ts) and API Gateway's tighter per-route throttles cover.
 */
export const publicWrites = (wiring: Wiring): PublicWrite[] =>
  Object.entries(wiring.functions).flatMap(([functionName, spec]) =>
    spec.trigger.kind === 'http' && spec.trigger.auth === 'public' && spec.trigger.method !== 'GET'
      ? [{ functionName, method: spec.trigger.method, path: spec.trigger.path }]
      : [],
  );

/** A client's public writes a minute, and its burst, unless a deployment says otherwise. */
export const DEFAULT_REGISTRATION_LIMIT_PER_MINUTE = 20;
