import { createHash, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { LOCAL_CLIENT_ID, signLocalToken } from '../../infra/local/local-auth';
import type { LocalStack } from '../../infra/local/stack';
import { EnvNames } from '../../shared/config/env';
import { SESSION_COOKIE, SIGN_IN_COOKIE } from '../../shared/console/session-cookie';
import { signInRoutes } from '../../shared/console/sign-in/sign-in-routes';
import { startTestStack } from '../support/local-stack';

/**
 * The console's sign-in as it runs on AWS: the console-sign-in function, run by the local stack's Lambda
 * runtime with CONSOLE_LOGIN_URL pointing at a small OAuth 2.0 server standing in for Cognito's managed
 * login. The server checks PKCE as Cognito does (the verifier's S256 against the challenge the code was
 * issued for) and returns an ID token the local user pool signed, which every console function verifies.
 */

interface IssuedCode {
  readonly challenge: string;
  readonly redirectUri: string;
  readonly clientId: string;
  readonly group: 'organisers' | 'comms';
  spent: boolean;
}

/** Cognito's OAuth endpoints, as far as the console uses them: authorize, token, logout. */
const startFakeCognito = async () => {
  const codes = new Map<string, IssuedCode>();
  const authorizeRequests: URLSearchParams[] = [];
  const tokenRequests: URLSearchParams[] = [];
  const logoutRequests: URLSearchParams[] = [];
  /** Who signs in at the next authorize (the person at Cognito's page). */
  let nextGroup: IssuedCode['group'] = 'organisers';

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/oauth2/authorize') {
      const params = url.searchParams;
      authorizeRequests.push(params);
      const code = randomUUID();
      codes.set(code, {
        challenge: params.get('code_challenge') ?? '',
        redirectUri: params.get('redirect_uri') ?? '',
        clientId: params.get('client_id') ?? '',
        group: nextGroup,
        spent: false,
      });
      // The person signed in: back to the app with a code and the state it sent.
      const back = new URL(params.get('redirect_uri') ?? '');
      back.searchParams.set('code', code);
      back.searchParams.set('state', params.get('state') ?? '');
      res.writeHead(302, { location: back.toString() }).end();
      return;
    }
    if (req.method === 'POST' && url.pathname === '/oauth2/token') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const form = new URLSearchParams(body);
        tokenRequests.push(form);
        const issued = codes.get(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        const s256 = createHash('sha256').update(verifier).digest('base64url');
        const refused =
          !issued ||
          issued.spent ||
          form.get('grant_type') !== 'authorization_code' ||
          form.get('client_id') !== issued.clientId ||
          form.get('redirect_uri') !== issued.redirectUri ||
          s256 !== issued.challenge;
        if (issued) issued.spent = true;
        if (refused) {
          res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
          return;
        }
        void signLocalToken([issued.group], { subject: `signed-in-${issued.group}` }).then((idToken) =>
          res.writeHead(200, { 'content-type': 'application/json' }).end(
            JSON.stringify({
              id_token: idToken,
              access_token: 'not-used',
              refresh_token: 'not-kept',
              token_type: 'Bearer',
              expires_in: 3600,
            }),
          ),
        );
      });
      return;
    }
    if (req.method === 'GET' && url.pathname === '/logout') {
      logoutRequests.push(url.searchParams);
      res.writeHead(302, { location: url.searchParams.get('logout_uri') ?? '/' }).end();
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    authorizeRequests,
    tokenRequests,
    logoutRequests,
    signInAs: (group: IssuedCode['group']) => {
      nextGroup = group;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

interface SetCookie {
  readonly name: string;
  readonly value: string;
  readonly attributes: readonly string[];
  readonly maxAge: number | undefined;
}

const parseSetCookie = (header: string): SetCookie => {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const at = pair.indexOf('=');
  const maxAge = attributes.find((a) => /^max-age=/i.test(a));
  return {
    name: pair.slice(0, at),
    value: pair.slice(at + 1),
    attributes,
    maxAge: maxAge === undefined ? undefined : Number(maxAge.split('=')[1]),
  };
};

type Result = APIGatewayProxyStructuredResultV2 & { headers: Record<string, string> };

let stack: LocalStack;
let cognito: Awaited<ReturnType<typeof startFakeCognito>>;
const loginUrlBefore = process.env[EnvNames.consoleLoginUrl];

beforeAll(async () => {
  stack = await startTestStack();
  cognito = await startFakeCognito();
  // Read by the function at each request (shared/adapters/cognito-login.ts), as on AWS from its environment.
  process.env[EnvNames.consoleLoginUrl] = cognito.url;
});
afterAll(async () => {
  if (loginUrlBefore === undefined) delete process.env[EnvNames.consoleLoginUrl];
  else process.env[EnvNames.consoleLoginUrl] = loginUrlBefore;
  await cognito?.close();
  await stack?.stop();
});
beforeEach(() => cognito.signInAs('organisers'));

/**
 * A browser's request to the console-sign-in function, as API Gateway hands it over (payload 2.0: cookies
 * apart from the headers), run by the local stack's runtime. `/console/sign-in` is the local stand-in's
 * on the local HTTP API, so the function is invoked directly, as Lambda would be on AWS.
 */
const invoke = async (
  method: 'GET' | 'POST',
  pathAndQuery: string,
  options: {
    cookies?: readonly string[];
    form?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<Result> => {
  const url = new URL(pathAndQuery, stack.url);
  const route = Object.values(signInRoutes).find((r) => r.method === method && r.path === url.pathname);
  if (!route) throw new Error(`console-sign-in has no route ${method} ${url.pathname}`);
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(options.cookies && options.cookies.length > 0 ? { cookies: [...options.cookies] } : {}),
    headers: {
      host: url.host,
      accept: 'text/html',
      'sec-fetch-site': 'same-origin',
      ...(options.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      ...options.headers,
    },
    ...(url.searchParams.size > 0 ? { queryStringParameters: Object.fromEntries(url.searchParams) } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: url.hostname,
      domainPrefix: 'local',
      http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: randomUUID(),
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
    },
    ...(options.form ? { body: new URLSearchParams(options.form).toString() } : {}),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  return stack.runtime.invoke<Result>('consoleSignIn', event);
};

const setCookies = (result: Result): SetCookie[] => (result.cookies ?? []).map(parseSetCookie);
const cookieNamed = (result: Result, name: string): SetCookie | undefined =>
  setCookies(result).find((c) => c.name === name);
const asRequestCookie = (cookie: SetCookie): string => `${cookie.name}=${cookie.value}`;

/** Starts a sign-in: the function's redirect to Cognito and the sign-in cookie it sets. */
const startSignIn = async (next = '/console') => {
  const result = await invoke('GET', `${signInRoutes.signIn.path}?${new URLSearchParams({ next })}`);
  expect(result.statusCode).toBe(303);
  const cookie = cookieNamed(result, SIGN_IN_COOKIE);
  if (!cookie) throw new Error('The sign-in set no sign-in cookie');
  return { authorizeUrl: new URL(result.headers.location!), cookie: asRequestCookie(cookie), result };
};

/** The person signs in at Cognito: its authorize endpoint sends the browser back with a code and the state. */
const signInAtCognito = async (authorizeUrl: URL): Promise<URL> => {
  const response = await fetch(authorizeUrl, { redirect: 'manual' });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!);
};

/** The whole way in: sign-in, Cognito, callback. Answers the callback's result. */
const signInFully = async (next = '/console') => {
  const { authorizeUrl, cookie } = await startSignIn(next);
  const back = await signInAtCognito(authorizeUrl);
  return invoke('GET', `${back.pathname}${back.search}`, { cookies: [cookie] });
};

const sessionOf = (result: Result): string => {
  const session = cookieNamed(result, SESSION_COOKIE);
  if (!session?.value) throw new Error('No session cookie was set');
  return asRequestCookie(session);
};

/** A console page through the local HTTP API with this cookie, as the next request of the browser. */
const consolePage = (cookie: string, path = '/console') =>
  fetch(`${stack.url}${path}`, { headers: { cookie, accept: 'text/html' }, redirect: 'manual' });

const expectNoSession = (result: Result): void => {
  expect(cookieNamed(result, SESSION_COOKIE)).toBeUndefined();
};

const jwtPattern = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

describe('signing in to the console with Cognito’s managed login (authorization code + PKCE)', () => {
  it('sends the browser to Cognito’s authorize endpoint with an S256 challenge and a state, keeping the verifier in a cookie', async () => {
    const { authorizeUrl, result } = await startSignIn('/console/events/new');

    expect(`${authorizeUrl.origin}${authorizeUrl.pathname}`).toBe(`${cognito.url}/oauth2/authorize`);
    const params = Object.fromEntries(authorizeUrl.searchParams);
    expect(params).toEqual({
      response_type: 'code',
      client_id: LOCAL_CLIENT_ID,
      redirect_uri: `${stack.url}/console/callback`,
      scope: 'openid email profile',
      state: expect.stringMatching(/^[\w-]{16,}$/),
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      code_challenge_method: 'S256',
    });
    // The verifier (and where to go after) are in the sign-in cookie only, for ten minutes.
    const cookie = cookieNamed(result, SIGN_IN_COOKIE)!;
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']),
    );
    expect(cookie.maxAge).toBe(600);
    expect(JSON.stringify(params)).not.toContain('/console/events/new');
    expectNoSession(result);
    expect(result.headers['cache-control']).toBe('no-store');
  });

  it('swaps the code for an ID token with the verifier, sets the session cookie, clears the sign-in cookie and goes where the person was going', async () => {
    const { authorizeUrl, cookie } = await startSignIn('/console/events/new?from=mail');
    const back = await signInAtCognito(authorizeUrl);
    const tokenRequestsBefore = cognito.tokenRequests.length;

    const result = await invoke('GET', `${back.pathname}${back.search}`, { cookies: [cookie] });

    expect(result.statusCode).toBe(303);
    expect(result.headers.location).toBe('/console/events/new?from=mail');
    // The token endpoint had the verifier whose S256 is the challenge sent (the fake refuses any other).
    expect(cognito.tokenRequests).toHaveLength(tokenRequestsBefore + 1);
    const exchange = Object.fromEntries(cognito.tokenRequests.at(-1)!);
    expect(exchange).toEqual({
      grant_type: 'authorization_code',
      client_id: LOCAL_CLIENT_ID,
      code: back.searchParams.get('code'),
      redirect_uri: `${stack.url}/console/callback`,
      code_verifier: expect.stringMatching(/^[\w-]{43,128}$/),
    });
    expect(createHash('sha256').update(exchange.code_verifier!).digest('base64url')).toBe(
      authorizeUrl.searchParams.get('code_challenge'),
    );
    const session = cookieNamed(result, SESSION_COOKIE)!;
    expect(session.value).toMatch(jwtPattern);
    expect(session.attributes).toEqual(
      expect.arrayContaining(['Path=/', 'Secure', 'HttpOnly', 'SameSite=Lax']),
    );
    expect(session.attributes.some((a) => /^domain=/i.test(a))).toBe(false);
    // As long as the token lasts (the local pool's: 12 hours), not longer.
    expect(session.maxAge).toBeGreaterThan(11 * 3600);
    expect(session.maxAge).toBeLessThanOrEqual(12 * 3600);
    expect(cookieNamed(result, SIGN_IN_COOKIE)).toMatchObject({ value: '', maxAge: 0 });
    // No token in any URL the browser is sent to.
    expect(result.headers.location).not.toMatch(jwtPattern);

    // The cookie is a session every console function accepts.
    const page = await consolePage(asRequestCookie(session));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('signed-in-organisers@example.org');
  });

  it('refuses a callback whose state is not the one sent: a page, no session, nothing swapped', async () => {
    const { authorizeUrl, cookie } = await startSignIn();
    const back = await signInAtCognito(authorizeUrl);
    back.searchParams.set('state', 'another-state');
    const tokenRequestsBefore = cognito.tokenRequests.length;

    const result = await invoke('GET', `${back.pathname}${back.search}`, { cookies: [cookie] });

    expect(result.statusCode).toBe(400);
    expect(result.headers['content-type']).toMatch(/^text\/html/);
    expect(result.body).toContain('Signing in did not finish');
    expectNoSession(result);
    expect(cookieNamed(result, SIGN_IN_COOKIE)).toMatchObject({ maxAge: 0 });
    expect(cognito.tokenRequests).toHaveLength(tokenRequestsBefore);
  });

  it('refuses a callback without the sign-in cookie (another browser, or it expired): a page, no session', async () => {
    const { authorizeUrl } = await startSignIn();
    const back = await signInAtCognito(authorizeUrl);

    const result = await invoke('GET', `${back.pathname}${back.search}`);

    expect(result.statusCode).toBe(400);
    expect(result.body).toContain('Signing in did not finish');
    expectNoSession(result);
  });

  it('refuses a code Cognito will not swap (spent, or issued to another sign-in’s challenge): a page, no session', async () => {
    // Spent: the same callback twice (a refresh, or a replayed link).
    const { authorizeUrl, cookie } = await startSignIn();
    const back = await signInAtCognito(authorizeUrl);
    const first = await invoke('GET', `${back.pathname}${back.search}`, { cookies: [cookie] });
    expect(first.statusCode).toBe(303);
    const replayed = await invoke('GET', `${back.pathname}${back.search}`, { cookies: [cookie] });
    expect(replayed.statusCode).toBe(400);
    expectNoSession(replayed);

    // Injected: a code from one sign-in carried into another browser's, whose verifier does not match it.
    const victim = await startSignIn();
    const attacker = await startSignIn();
    const attackersCode = (await signInAtCognito(attacker.authorizeUrl)).searchParams.get('code')!;
    const injected = await invoke(
      'GET',
      `/console/callback?${new URLSearchParams({ code: attackersCode, state: victim.authorizeUrl.searchParams.get('state')! })}`,
      { cookies: [victim.cookie] },
    );
    expect(injected.statusCode).toBe(400);
    expect(injected.body).toContain('Signing in did not finish');
    expectNoSession(injected);
  });

  it('refuses a callback Cognito sent with an error instead of a code (the person cancelled)', async () => {
    const { authorizeUrl, cookie } = await startSignIn();
    const result = await invoke(
      'GET',
      `/console/callback?${new URLSearchParams({ error: 'access_denied', state: authorizeUrl.searchParams.get('state')! })}`,
      { cookies: [cookie] },
    );
    expect(result.statusCode).toBe(400);
    expectNoSession(result);
  });

  it.each([
    'https://evil.example/console',
    '//evil.example/console',
    '/\\evil.example',
    '/console/../admin',
    '/events/evt_1',
    'javascript:alert(1)',
  ])('goes to the console’s front page, not to %s, after signing in (no open redirect)', async (next) => {
    const result = await signInFully(next);
    expect(result.statusCode).toBe(303);
    expect(result.headers.location).toBe('/console');
  });

  it('sends a person who is already signed in straight on, without Cognito', async () => {
    const session = sessionOf(await signInFully());
    const authorizeCount = cognito.authorizeRequests.length;
    const result = await invoke('GET', '/console/sign-in?next=%2Fconsole%2Fevents%2Fnew', {
      cookies: [session],
    });
    expect(result.statusCode).toBe(303);
    expect(result.headers.location).toBe('/console/events/new');
    expect(cognito.authorizeRequests).toHaveLength(authorizeCount);
  });
});

describe('signing out of the console', () => {
  /** The value every console form carries, read from a console page as the browser has it. */
  const csrfOf = async (session: string): Promise<string> => {
    const html = await (await consolePage(session)).text();
    const value = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!value) throw new Error('No csrf value on the console page');
    return value;
  };

  it('ends the session (its cookie is refused afterwards, wherever it was copied) and ends Cognito’s too', async () => {
    const session = sessionOf(await signInFully());
    const csrf = await csrfOf(session);

    const result = await invoke('POST', '/console/sign-out', { cookies: [session], form: { csrf } });

    expect(result.statusCode).toBe(303);
    const logout = new URL(result.headers.location!);
    expect(`${logout.origin}${logout.pathname}`).toBe(`${cognito.url}/logout`);
    expect(Object.fromEntries(logout.searchParams)).toEqual({
      client_id: LOCAL_CLIENT_ID,
      logout_uri: `${stack.url}/console/signed-out`,
    });
    expect(result.headers.location).not.toMatch(jwtPattern);
    expect(cookieNamed(result, SESSION_COOKIE)).toMatchObject({ value: '', maxAge: 0 });
    // Cognito's logout returns the browser to the signed-out page, which says so.
    const afterLogout = await fetch(logout, { redirect: 'manual' });
    expect(afterLogout.headers.get('location')).toBe(`${stack.url}/console/signed-out`);
    const signedOut = await invoke('GET', '/console/signed-out');
    expect(signedOut.statusCode).toBe(200);
    expect(signedOut.body).toContain('You have signed out');

    // The same cookie, replayed: no session anywhere.
    const replayed = await consolePage(session);
    expect(replayed.status).toBe(303);
    expect(replayed.headers.get('location')).toMatch(/^\/console\/sign-in\?next=/);
    const signInAgain = await invoke('GET', '/console/sign-in', { cookies: [session] });
    expect(new URL(signInAgain.headers.location!).pathname).toBe('/oauth2/authorize');
  });

  it('refuses a sign-out post without the form’s csrf value, and the session goes on', async () => {
    const session = sessionOf(await signInFully());

    const result = await invoke('POST', '/console/sign-out', { cookies: [session], form: {} });

    expect(result.statusCode).toBe(403);
    expect(result.headers['content-type']).toMatch(/^text\/html/);
    expect(cookieNamed(result, SESSION_COOKIE)).toBeUndefined();
    expect((await consolePage(session)).status).toBe(200);
  });
});
