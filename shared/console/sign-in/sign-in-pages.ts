import { loginService } from '../../adapters/cognito-login';
import { userPoolVerifier } from '../../adapters/jwt-verifier';
import { tokenKey } from '../../adapters/token-key';
import { now } from '../../clock';
import { EnvNames, requireEnv } from '../../config/env';
import { checkToken, signToken } from '../../domain/tokens';
import { html, seeOther, type HttpResult } from '../../http/respond';
import { renderPage } from '../../pages/render';
import type { ConsolePages } from '../console-handler';
import { consoleFrame } from '../console-page';
import { consoleProblem } from '../console-problem';
import {
  cookieOf,
  clearCookie,
  setCookie,
  SESSION_COOKIE,
  SIGN_IN_COOKIE,
  SIGN_IN_SECONDS,
} from '../session-cookie';
import { endSession, sessionOf } from '../session';
import { nextPage } from './next-page';
import { pkcePair, randomState } from './pkce';
import { signInRoutes } from './sign-in-routes';

interface SignInInProgress {
  readonly verifier: string;
  readonly state: string;
  readonly next: string;
}

const withCookies = (result: HttpResult, cookies: string[]): HttpResult => ({ ...result, cookies });

/** Where Cognito sends the browser back to, and where its sign-out returns: the app client names both. */
const callbackUrl = (): string => `${requireEnv(EnvNames.publicUrl)}${signInRoutes.callback.path}`;
const signedOutUrl = (): string => `${requireEnv(EnvNames.publicUrl)}${signInRoutes.signedOut.path}`;

/** The session cookie for a verified ID token: it lasts as long as the token does. */
export const sessionCookieFor = (token: string, expiresAt: Date): string =>
  setCookie(SESSION_COOKIE, token, (expiresAt.getTime() - now().getTime()) / 1000);

const notConfigured = (): HttpResult =>
  consoleProblem(500, 'Signing in is not set up for this deployment (CONSOLE_LOGIN_URL).');

/** The sign-in, its return from Cognito, and sign-out, over Cognito's managed login (authorization code + PKCE). */
export const signInPages: ConsolePages<typeof signInRoutes> = {
  signIn: async ({ session, query }) => {
    const next = nextPage(query.next);
    if (session) return seeOther(next);
    const login = loginService();
    if (!login) return notConfigured();
    const { verifier, challenge } = pkcePair();
    const state = randomState();
    const inProgress = signToken(
      tokenKey,
      'console-sign-in',
      JSON.stringify({ verifier, state, next } satisfies SignInInProgress),
      new Date(now().getTime() + SIGN_IN_SECONDS * 1000),
    );
    return withCookies(seeOther(login.authoriseUrl({ state, challenge, redirectUri: callbackUrl() })), [
      setCookie(SIGN_IN_COOKIE, inProgress, SIGN_IN_SECONDS),
    ]);
  },

  callback: async ({ query, event }) => {
    const login = loginService();
    if (!login) return notConfigured();
    const cookie = cookieOf(event.cookies, SIGN_IN_COOKIE);
    const checked = cookie ? checkToken(tokenKey, 'console-sign-in', cookie, now()) : undefined;
    const inProgress = checked?.ok ? (JSON.parse(checked.subject) as SignInInProgress) : undefined;
    const again = 'Signing in did not finish. Go to the console and sign in again.';
    if (!inProgress || !query.state || query.state !== inProgress.state || !query.code) {
      return withCookies(consoleProblem(400, again), [clearCookie(SIGN_IN_COOKIE)]);
    }
    const idToken = await login.exchange({
      code: query.code,
      verifier: inProgress.verifier,
      redirectUri: callbackUrl(),
    });
    const session = await sessionOf(idToken, userPoolVerifier());
    if (!idToken || !session) return withCookies(consoleProblem(400, again), [clearCookie(SIGN_IN_COOKIE)]);
    return withCookies(seeOther(inProgress.next), [
      clearCookie(SIGN_IN_COOKIE),
      sessionCookieFor(idToken, session.expiresAt),
    ]);
  },

  signOut: async ({ session }) => {
    if (session) await endSession(session);
    const login = loginService();
    // Cognito's own session ends too, or its managed login would sign the next person straight back in.
    return withCookies(seeOther(login ? login.logoutUrl(signedOutUrl()) : signInRoutes.signedOut.path), [
      clearCookie(SESSION_COOKIE),
    ]);
  },

  signedOut: async () =>
    html(
      200,
      renderPage('console/signed-out.njk', {
        title: 'You have signed out',
        ...consoleFrame(undefined, undefined),
      }),
    ),
};
