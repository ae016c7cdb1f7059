import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import type { UserPoolSettings } from '../../shared/adapters/jwt-verifier';
import { EnvNames } from '../../shared/config/env';

export const TEST_CLIENT_ID = 'test-client';

/** Claims of a Cognito ID token for the test pool; a claim set to undefined is left out. */
export type Claims = Record<string, unknown>;

export interface TestUserPool {
  readonly settings: UserPoolSettings;
  /** A token signed by the pool's key (or `key`), with Cognito ID token claims overridden by `claims`. */
  sign(claims?: Claims, options?: { key?: CryptoKey; kid?: string }): Promise<string>;
  /** How often the pool's JWKS was fetched. */
  fetches(): number;
  /** Points the functions' environment (JWT_*) at this pool. */
  useAsEnvironment(): void;
  close(): Promise<void>;
}

const rsaKeyPair = () => generateKeyPair('RS256', { extractable: true });

/** An RSA key unknown to the pool, for forgeries. */
export const strangerKey = async (): Promise<CryptoKey> => (await rsaKeyPair()).privateKey;

/** A user pool on loopback: an RSA key pair whose JWKS a tiny HTTP server serves, as Cognito does. */
export const startTestUserPool = async (): Promise<TestUserPool> => {
  const { privateKey, publicKey } = await rsaKeyPair();
  const publicJwk: JWK = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const jwks = JSON.stringify({ keys: [{ ...publicJwk, kid, alg: 'RS256', use: 'sig' }] });
  let fetches = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/pool/.well-known/jwks.json') return res.writeHead(404).end();
    fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/pool`;
  const settings = { issuer, jwksUri: `${issuer}/.well-known/jwks.json`, clientId: TEST_CLIENT_ID };
  const now = () => Math.floor(Date.now() / 1000);

  return {
    settings,
    sign: async (claims = {}, options = {}) => {
      const payload: Claims = {
        sub: 'user-1',
        iss: issuer,
        aud: TEST_CLIENT_ID,
        token_use: 'id',
        'cognito:groups': ['organisers'],
        iat: now(),
        exp: now() + 3600,
        ...claims,
      };
      for (const [name, value] of Object.entries(payload)) if (value === undefined) delete payload[name];
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? kid })
        .sign(options.key ?? privateKey);
    },
    fetches: () => fetches,
    useAsEnvironment: () => {
      process.env[EnvNames.jwtIssuer] = settings.issuer;
      process.env[EnvNames.jwtJwksUri] = settings.jwksUri;
      process.env[EnvNames.jwtClientId] = settings.clientId;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
