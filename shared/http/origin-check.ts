import { timingSafeEqual } from 'node:crypto';
import { EnvNames, optionalEnv } from '../config/env';

type Headers = Readonly<Record<string, string | undefined>> | undefined;

/**
 * Whether a request came through Convene's public address: CloudFront adds a secret header on its way to
 * the API, so a call straight to the execute-api endpoint (which cannot be turned off without an API
 * custom domain) lacks it. Where no secret is configured (the local stack), every request passes.
 */
export const viaPublicAddress = (
  headerName = optionalEnv(EnvNames.originVerifyHeader),
  secret = optionalEnv(EnvNames.originVerifySecret),
): ((headers: Headers) => boolean) => {
  if (!headerName || !secret) return () => true;
  const expected = Buffer.from(secret);
  const name = headerName.toLowerCase();
  return (headers) => {
    const given = Buffer.from(headers?.[name] ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
};
