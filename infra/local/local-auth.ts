import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_TEAM, TEAM_GROUP_PREFIX, teamGroup } from '../../shared/domain/teams/teams';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';

/**
 * Stands in for the Cognito user pool on one machine: an RSA key pair whose public half the local API
 * serves as a JWKS, and tokens shaped like Cognito's ID tokens signed with the private half. Functions
 * verify them as they do on AWS (shared/adapters/jwt-verifier.ts); the local API checks nothing.
 */
export const LOCAL_GROUPS = ['organisers', 'comms'] as const;
export const LOCAL_CLIENT_ID = 'convene-local-client';
/** The issuer's path under the local API; its keys are under it, as Cognito's are under its issuer. */
export const LOCAL_ISSUER_PATH = '/local/cognito';
export const JWKS_PATH = `${LOCAL_ISSUER_PATH}/.well-known/jwks.json`;
/** Where `npm start` keeps the key pair, so `npm run token` (another process) signs with the same key. */
const KEY_FILE = 'jwt-key.json';

export const localIssuer = (apiUrl: string): string => `${apiUrl}${LOCAL_ISSUER_PATH}`;

interface SavedUserPool {
  readonly issuer: string;
  readonly privateKey: JWK;
}

interface Signer {
  readonly issuer: string;
  readonly kid: string;
  readonly privateKey: JWK;
}

/** The user pool this process signs tokens for: the running local stack's, or the one `npm start` saved. */
let signer: Signer | undefined;

export interface LocalUserPool {
  /** The public keys, as the local API serves them at JWKS_PATH. */
  readonly jwks: { readonly keys: readonly JWK[] };
  /**
   * Issues tokens as `<apiUrl>/local/cognito` from now on, in this process (signLocalToken) and, with a
   * data folder, for `npm run token`. Answers the issuer.
   */
  serveAt(apiUrl: string): string;
}

const keyFileIn = (dataDir: string): string => path.join(dataDir, KEY_FILE);

/** The key pair kept in the data folder, or a new one (saved there when there is a folder). */
export const openLocalUserPool = async (dataDir?: string): Promise<LocalUserPool> => {
  const file = dataDir ? keyFileIn(dataDir) : undefined;
  const privateKey =
    file && existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as SavedUserPool).privateKey
      : await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey);
  const { kty, n, e } = privateKey;
  const kid = await calculateJwkThumbprint(privateKey);
  return {
    jwks: { keys: [{ kty, n, e, kid, alg: 'RS256', use: 'sig' }] },
    serveAt: (apiUrl) => {
      const issuer = localIssuer(apiUrl);
      signer = { issuer, kid, privateKey };
      if (file) {
        writeFileSync(file, JSON.stringify({ issuer, privateKey } satisfies SavedUserPool), { mode: 0o600 });
      }
      return issuer;
    },
  };
};

/** Signs, in this process, for the user pool `npm start` runs from this data folder (`npm run token`). */
export const useSavedUserPool = async (dataDir: string): Promise<void> => {
  const file = keyFileIn(dataDir);
  if (!existsSync(file)) {
    throw new Error(`No local user pool in ${dataDir}: start the local stack first (npm start).`);
  }
  const saved = JSON.parse(readFileSync(file, 'utf8')) as SavedUserPool;
  signer = { ...saved, kid: await calculateJwkThumbprint(saved.privateKey) };
};

/**
 * A token shaped like a Cognito ID token for these groups and teams (each a `team:<id>` group beside them),
 * signed by the local user pool. Without `teams`, and without a `team:` group among `groups`, the token is
 * for the default team (north-west, which owns the demo event), as `npm run token` without `--team` is.
 * It always carries `exp`: the verifier refuses a token without one.
 */
export const signLocalToken = async (
  groups: readonly string[],
  options: {
    subject?: string;
    /** `'never'` leaves `exp` out: only tests ask, to see the verifier refuse such a token. */
    expiresIn?: string | number | 'never';
    teams?: readonly string[];
  } = {},
): Promise<string> => {
  if (!signer) throw new Error('No local user pool in this process: start the local stack first.');
  const named = groups.some((group) => group.startsWith(TEAM_GROUP_PREFIX));
  const teams = options.teams ?? (named ? [] : [DEFAULT_TEAM]);
  const subject = options.subject ?? `local-${groups.join('-') || 'nobody'}`;
  const claimed = [...groups, ...teams.map(teamGroup)];
  const jwt = new SignJWT({
    // Cognito leaves the claim out for a user in no group.
    ...(claimed.length > 0 ? { 'cognito:groups': claimed } : {}),
    'cognito:username': subject,
    email: `${subject}@example.org`,
    email_verified: true,
    token_use: 'id',
    auth_time: Math.floor(Date.now() / 1000),
  })
    .setProtectedHeader({ alg: 'RS256', kid: signer.kid })
    .setSubject(subject)
    .setIssuer(signer.issuer)
    .setAudience(LOCAL_CLIENT_ID)
    .setIssuedAt()
    // Cognito's tokens carry an id; the console's sign-out records it as ended.
    .setJti(randomUUID());
  if (options.expiresIn !== 'never') jwt.setExpirationTime(options.expiresIn ?? '12h');
  return jwt.sign(await importJWK(signer.privateKey, 'RS256'));
};
