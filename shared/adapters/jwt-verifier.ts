import { JwtVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import {
  FailedAssertionError,
  FetchError,
  JwkValidationError,
  JwksValidationError,
  JwtBaseError,
  NonRetryableFetchError,
  ParameterValidationError,
} from 'aws-jwt-verify/error';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { EnvNames, requireEnv } from '../config/env';

export type { JwtPayload };

/** The user pool whose tokens a function accepts. */
export interface UserPoolSettings {
  /** The tokens' `iss`. */
  readonly issuer: string;
  /** Where the pool publishes its public keys (JWKS). */
  readonly jwksUri: string;
  /** The app client the tokens must be issued to. */
  readonly clientId: string;
}

/**
 * The claims of a token the user pool signed for our app client and that has not expired, or undefined for
 * any other token. Throws only when the token cannot be judged (the key set is unreachable or malformed).
 */
export type BearerVerifier = (token: string) => Promise<JwtPayload | undefined>;

const JWKS_TIMEOUT_MS = 3000;

/**
 * Fetches the key set with the global fetch: the library's own fetcher speaks only https, and the local
 * user pool serves its keys over http on loopback. Failures become the library's FetchError.
 */
const fetcher: Fetcher = {
  fetch: async (uri) => {
    let response: Response;
    try {
      response = await fetch(uri, { signal: AbortSignal.timeout(JWKS_TIMEOUT_MS) });
    } catch (error) {
      throw new FetchError(uri, error instanceof Error ? error.message : String(error));
    }
    if (response.status !== 200) {
      throw new NonRetryableFetchError(uri, `Status code is ${response.status}, expected 200`);
    }
    return response.arrayBuffer();
  },
};

/** Keys are trusted over https, or over plain http only from this machine. */
const assertTrustedKeySource = (jwksUri: string): void => {
  const url = new URL(jwksUri);
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol === 'https:' || (url.protocol === 'http:' && loopback)) return;
  throw new Error(`${EnvNames.jwtJwksUri} must be an https URL (http only on loopback): ${jwksUri}`);
};

/** Cognito's rules, beyond signature and issuer: an expiry, a subject, and our client as `aud` or `client_id`. */
const cognitoRules =
  (clientId: string) =>
  ({ payload }: { payload: JwtPayload }): void => {
    // The library checks exp only when present; a token without one would never expire.
    if (typeof payload.exp !== 'number') throw new FailedAssertionError('Token has no exp', payload.exp);
    if (typeof payload.sub !== 'string' || payload.sub === '') {
      throw new FailedAssertionError('Token has no sub', payload.sub);
    }
    // AWS's own check: token_use 'id' names the client in aud, 'access' in client_id.
    validateCognitoJwtFields(payload, { tokenUse: null, clientId });
  };

/** Faults of the key set or of the settings rather than of the token: the request cannot be judged. */
const cannotJudge = (error: unknown): boolean =>
  !(error instanceof JwtBaseError) ||
  error instanceof FetchError ||
  error instanceof JwksValidationError ||
  error instanceof JwkValidationError ||
  error instanceof ParameterValidationError;

/** Verifies bearer tokens of one user pool with aws-jwt-verify; the key set is fetched once and cached. */
export const bearerVerifier = (settings: UserPoolSettings): BearerVerifier => {
  assertTrustedKeySource(settings.jwksUri);
  const verifier = JwtVerifier.create(
    {
      issuer: settings.issuer,
      // Checked by cognitoRules instead: an access token carries the client in client_id, not aud.
      audience: null,
      jwksUri: settings.jwksUri,
      customJwtCheck: cognitoRules(settings.clientId),
    },
    { jwksCache: new SimpleJwksCache({ fetcher }) },
  );
  return async (token) => {
    try {
      return await verifier.verify(token);
    } catch (error) {
      if (cannotJudge(error)) throw error;
      return undefined;
    }
  };
};

let fromEnvironment: BearerVerifier | undefined;

/**
 * The verifier of the user pool this function's environment names. Made once per cold start, so the key
 * set is fetched once; a signed-in route calls it at module load, so missing settings fail the cold start.
 */
export const userPoolVerifier = (): BearerVerifier =>
  (fromEnvironment ??= bearerVerifier({
    issuer: requireEnv(EnvNames.jwtIssuer),
    jwksUri: requireEnv(EnvNames.jwtJwksUri),
    clientId: requireEnv(EnvNames.jwtClientId),
  }));
