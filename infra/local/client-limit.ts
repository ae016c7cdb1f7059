import type { IncomingMessage } from 'node:http';
import { TokenBuckets } from '../../shared/domain/abuse/token-bucket';
import { DEFAULT_REGISTRATION_LIMIT_PER_MINUTE, publicWrites } from '../wiring/public-writes';
import type { Wiring } from '../wiring/types';
import type { LocalRoute } from './http-routes';
import type { LocalResponse } from './http-server';

/** A limit refused: what the client is told (the same words as the WAF's custom response on AWS). */
const refusal = (retryAfterSeconds: number, html: boolean): LocalResponse => {
  const message = `Too many requests from your network. Try again in ${retryAfterSeconds} seconds.`;
  const headers = { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' };
  return html
    ? {
        status: 429,
        headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
        body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Too many requests</title></head><body><main><h1>Too many requests</h1><p>${message}</p></main></body></html>`,
      }
    : { status: 429, headers, body: { error: { code: 'rate_limited', message, details: [] } } };
};

/** `REGISTRATION_LIMIT_PER_MINUTE` from the environment (0 turns the limit off), else the default. */
export const registrationLimitFromEnv = (): number => {
  const value = process.env.REGISTRATION_LIMIT_PER_MINUTE;
  if (value === undefined || value === '') return DEFAULT_REGISTRATION_LIMIT_PER_MINUTE;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 0)
    throw new Error(`REGISTRATION_LIMIT_PER_MINUTE must be a whole number, 0 to turn it off: ${value}`);
  return limit;
};

/**
 * The local stand-in for WAF's rate-based rule: public writes (publicWrites) per client address, the socket's,
 * in a token bucket of `perMinute` a minute with a burst of as many. A request with a bearer token is the
 * signed-in caller's (an organiser booking walk-ins at the door), which the function verifies; a bad token
 * there is a 401 that stores nothing. Answers the refusal, or undefined to let the request through.
 */
export const clientLimit = (
  wiring: Wiring,
  perMinute: number,
): ((req: IncomingMessage, route: LocalRoute) => LocalResponse | undefined) => {
  if (perMinute === 0) return () => undefined;
  const limited = new Set(publicWrites(wiring).map((w) => `${w.method} ${w.path}`));
  const buckets = new TokenBuckets({ perMinute, burst: perMinute });
  return (req, route) => {
    if (!limited.has(route.routeKey) || req.headers.authorization) return undefined;
    const answer = buckets.take(req.socket.remoteAddress ?? 'unknown', Date.now());
    return answer.allowed
      ? undefined
      : refusal(answer.retryAfterSeconds, (req.headers.accept ?? '').includes('text/html'));
  };
};
