import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generateKeyPair, SignJWT } from 'jose';
import { JWKS_PATH, LOCAL_CLIENT_ID, signLocalToken } from '../../infra/local/local-auth';
import { demoConference } from '../../infra/local/seed';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';

const dataDir = mkdtempSync(path.join(tmpdir(), 'convene-auth-'));
let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack({ dataDir });
  api = apiClient(stack.url);
});
afterAll(async () => {
  await stack?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** An organisers route that needs no body: any event id will do once the caller is let in. */
const organisersRoute = '/events/evt_none/registrations';
const withToken = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

const expectUnauthorised = (response: { status: number; body: unknown; headers: Headers }) => {
  expect(response).toMatchObject({
    status: 401,
    body: { error: { code: 'unauthorised', message: expect.any(String), details: [] } },
  });
  expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
};

describe('signed-in routes on the local stack, verified in the function as on AWS', () => {
  it('answers 401 in API.md error shape without a token', async () => {
    expectUnauthorised(await api.call('GET', organisersRoute));
    expectUnauthorised(await api.call('POST', '/events', { body: demoConference(stack.clock.now()) }));
  });

  it('answers 401 for forged tokens: HS256, alg none, another RSA key, expired', async () => {
    const claims = { 'cognito:groups': ['organisers'], token_use: 'id' };
    const issuer = `${stack.url}/local/cognito`;
    const stranger = (await generateKeyPair('RS256')).privateKey;
    const { keys } = (await (await fetch(`${stack.url}${JWKS_PATH}`)).json()) as { keys: { kid: string }[] };
    const forgeries = [
      'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl',
      `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
        JSON.stringify({ ...claims, sub: 'x', iss: issuer, aud: LOCAL_CLIENT_ID, exp: 9999999999 }),
      ).toString('base64url')}.`,
      await new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: keys[0]!.kid })
        .setSubject('x')
        .setIssuer(issuer)
        .setAudience(LOCAL_CLIENT_ID)
        .setExpirationTime('1h')
        .sign(stranger),
      await signLocalToken(['organisers'], { expiresIn: Math.floor(Date.now() / 1000) - 60 }),
    ];
    for (const token of forgeries)
      expectUnauthorised(await api.call('GET', organisersRoute, withToken(token)));
  });

  it('answers 403 forbidden for a comms token on an organisers route', async () => {
    expect(await api.call('GET', organisersRoute, { as: 'comms' })).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden', message: expect.any(String), details: [] } },
    });
    expect((await api.call('GET', organisersRoute, { as: 'organisers' })).status).toBe(404);
  });

  it('serves the local user pool public keys, and only them', async () => {
    const response = await fetch(`${stack.url}${JWKS_PATH}`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toEqual([
      { kty: 'RSA', n: expect.any(String), e: 'AQAB', kid: expect.any(String), alg: 'RS256', use: 'sig' },
    ]);
  });

  it('accepts a token from `npm run token`, another process signing with the key kept in the data folder', async () => {
    const { stdout } = await promisify(execFile)(
      path.join('node_modules', '.bin', 'tsx'),
      ['infra/local/token-cli.ts', 'organisers'],
      { env: { ...process.env, CONVENE_DATA_DIR: dataDir } },
    );
    const created = await api.call('POST', '/events', {
      body: demoConference(stack.clock.now()),
      ...withToken(stdout.trim()),
    });
    expect(created.status).toBe(201);
    // The private key is for this user only.
    expect(statSync(path.join(dataDir, 'jwt-key.json')).mode & 0o077).toBe(0);
  });
});
