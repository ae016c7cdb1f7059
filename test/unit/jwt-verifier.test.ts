import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bearerVerifier, type BearerVerifier } from '../../shared/adapters/jwt-verifier';
import { callerOf, mayCall } from '../../shared/http/claims';
import { startTestUserPool, strangerKey, type TestUserPool } from '../support/test-user-pool';

const base64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token whose header and payload are whatever a forger likes, with any signature. */
const forged = (header: Record<string, unknown>, payload: Record<string, unknown>, signature = ''): string =>
  `${base64url(header)}.${base64url(payload)}.${signature}`;

describe('the bearer token verifier (aws-jwt-verify, Cognito rules)', () => {
  let pool: TestUserPool;
  let verify: BearerVerifier;
  beforeAll(async () => {
    pool = await startTestUserPool();
    verify = bearerVerifier(pool.settings);
  });
  afterAll(() => pool.close());

  it('accepts an ID token of the pool for our client, with its groups as an array', async () => {
    const claims = await verify(await pool.sign({ 'cognito:groups': ['organisers', 'comms'] }));
    expect(claims).toMatchObject({ sub: 'user-1', 'cognito:groups': ['organisers', 'comms'] });
    expect(callerOf(claims!)).toEqual({ subject: 'user-1', groups: ['organisers', 'comms'] });
  });

  it('accepts an access token whose client_id is our client', async () => {
    const token = await pool.sign({ token_use: 'access', aud: undefined, client_id: pool.settings.clientId });
    expect(await verify(token)).toMatchObject({ sub: 'user-1', token_use: 'access' });
  });

  it('fetches the key set once and keeps it', async () => {
    const before = pool.fetches();
    for (let i = 0; i < 3; i += 1) expect(await verify(await pool.sign())).toBeDefined();
    expect(pool.fetches() - before).toBeLessThanOrEqual(1);
  });

  it.each([
    ['expired', { exp: Math.floor(Date.now() / 1000) - 60 }],
    ['without exp', { exp: undefined }],
    ['not valid yet (nbf)', { nbf: Math.floor(Date.now() / 1000) + 600 }],
    ['from another issuer', { iss: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_other' }],
    ['without an issuer', { iss: undefined }],
    ['an ID token for another client', { aud: 'other-client' }],
    [
      'an access token for another client',
      { token_use: 'access', aud: undefined, client_id: 'other-client' },
    ],
    ['an access token without client_id', { token_use: 'access', aud: undefined }],
    ['without token_use', { token_use: undefined }],
    ['a token_use Cognito never issues', { token_use: 'refresh' }],
    ['without sub', { sub: undefined }],
  ])('refuses a token %s', async (_label, claims) => {
    expect(await verify(await pool.sign(claims))).toBeUndefined();
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [header, , signature] = (await pool.sign({ 'cognito:groups': ['comms'] })).split('.');
    const [, payload] = (await pool.sign({ 'cognito:groups': ['organisers'] })).split('.');
    expect(await verify(await pool.sign())).toBeDefined();
    expect(await verify(`${header}.${payload}.${signature}`)).toBeUndefined();
  });

  it('refuses a token signed by another key under the pool key id, or under an unknown one', async () => {
    const key = await strangerKey();
    const kid = JSON.parse(Buffer.from((await pool.sign()).split('.')[0]!, 'base64url').toString()).kid;
    expect(await verify(await pool.sign({}, { key, kid }))).toBeUndefined();
    expect(await verify(await pool.sign({}, { key, kid: 'unknown-kid' }))).toBeUndefined();
  });

  it('refuses HS256 and alg "none" forgeries', async () => {
    const genuine = await pool.sign();
    const [headerPart, payloadPart] = genuine.split('.');
    const header = JSON.parse(Buffer.from(headerPart!, 'base64url').toString()) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(payloadPart!, 'base64url').toString()) as Record<string, unknown>;
    const { createHmac } = await import('node:crypto');
    const hsHeader = base64url({ ...header, alg: 'HS256' });
    const hsSignature = createHmac('sha256', 'any-secret')
      .update(`${hsHeader}.${payloadPart}`)
      .digest('base64url');
    expect(await verify(`${hsHeader}.${payloadPart}.${hsSignature}`)).toBeUndefined();
    expect(await verify(forged({ ...header, alg: 'none' }, payload))).toBeUndefined();
    expect(await verify(forged({ alg: 'none', typ: 'JWT' }, payload))).toBeUndefined();
  });

  it.each([
    ['empty', ''],
    ['not a JWT', 'not-a-token'],
    ['two parts', 'eyJhbGciOiJSUzI1NiJ9.e30'],
  ])('refuses a malformed token (%s)', async (_label, token) => {
    expect(await verify(token)).toBeUndefined();
  });

  it('throws, rather than refusing, when the key set cannot be fetched', async () => {
    const unreachable = bearerVerifier({ ...pool.settings, jwksUri: 'http://127.0.0.1:9/keys.json' });
    await expect(unreachable(await pool.sign())).rejects.toThrow(/127\.0\.0\.1:9/);
  });

  it('trusts keys over https, or over http only on loopback', () => {
    expect(() => bearerVerifier({ ...pool.settings, jwksUri: 'http://keys.example.org/jwks.json' })).toThrow(
      /https/,
    );
    expect(() =>
      bearerVerifier({
        ...pool.settings,
        jwksUri: 'https://cognito-idp.eu-west-2.amazonaws.com/x/jwks.json',
      }),
    ).not.toThrow();
  });
});

describe('the groups a verified token grants', () => {
  let pool: TestUserPool;
  let verify: BearerVerifier;
  beforeAll(async () => {
    pool = await startTestUserPool();
    verify = bearerVerifier(pool.settings);
  });
  afterAll(() => pool.close());

  it.each([
    ['a flattened string "[organisers]"', '[organisers]'],
    ['a bare string "organisers"', 'organisers'],
    ['["x organisers"]', ['x organisers']],
    ['["x,organisers"]', ['x,organisers']],
    ['["[organisers]"]', ['[organisers]']],
    ['["Organisers"]', ['Organisers']],
    ['an array holding a non-string', [1, 'organisers']],
    ['an object', { organisers: true }],
    ['no claim at all', undefined],
  ])('grants nothing for %s', async (_label, groups) => {
    const claims = await verify(await pool.sign({ 'cognito:groups': groups }));
    const caller = callerOf(claims!);
    expect(caller?.groups).not.toContain('organisers');
    expect(mayCall(caller!, 'organisers')).toBe(false);
    expect(mayCall(caller!, 'comms')).toBe(false);
  });

  it('reads only an array of strings, each name exactly as Cognito issued it', async () => {
    const groupsIn = async (groups: unknown) =>
      callerOf((await verify(await pool.sign({ 'cognito:groups': groups })))!)?.groups;
    expect(await groupsIn('[organisers comms]')).toEqual([]);
    expect(await groupsIn(['organisers', 7])).toEqual([]);
    expect(await groupsIn(['x organisers', 'comms'])).toEqual(['x organisers', 'comms']);
  });

  it('grants comms routes to comms, and every route to organisers', async () => {
    const comms = callerOf((await verify(await pool.sign({ 'cognito:groups': ['comms'] })))!)!;
    const organiser = callerOf((await verify(await pool.sign({ 'cognito:groups': ['organisers'] })))!)!;
    expect([mayCall(comms, 'comms'), mayCall(comms, 'organisers')]).toEqual([true, false]);
    expect([mayCall(organiser, 'comms'), mayCall(organiser, 'organisers')]).toEqual([true, true]);
  });
});
