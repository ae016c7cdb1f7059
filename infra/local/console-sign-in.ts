import { consoleFrame } from '../../shared/console/console-page';
import { nextPage } from '../../shared/console/sign-in/next-page';
import { setCookie, SESSION_COOKIE } from '../../shared/console/session-cookie';
import type { PageAssets } from '../../shared/pages/page-assets';
import { renderPage } from '../../shared/pages/render';
import type { LocalResponse } from './http-server';
import { LOCAL_GROUPS, signLocalToken } from './local-auth';

/** As long as a local token lasts (signLocalToken's default). */
const SESSION_SECONDS = 12 * 3600;

const pageHeaders = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };

/**
 * The local stack's stand-in for Cognito's managed login (it is not in the CDK app): a page to choose
 * organiser or comms, and its post, which sets the same session cookie with a token the local user pool
 * signed. From there every console request runs the code it runs on AWS.
 */
export const localConsoleSignIn =
  (assets: PageAssets) =>
  async (method: string, url: URL, body: string): Promise<LocalResponse | undefined> => {
    if (url.pathname !== '/console/sign-in') return undefined;
    if (method === 'GET') {
      const page = renderPage(
        'console/local-sign-in.njk',
        {
          title: 'Sign in to the console',
          next: nextPage(url.searchParams.get('next') ?? undefined),
          ...consoleFrame(undefined, undefined),
        },
        assets,
      );
      return { status: 200, body: page, headers: pageHeaders };
    }
    if (method !== 'POST') return undefined;
    const form = new URLSearchParams(body);
    const group = LOCAL_GROUPS.find((g) => g === form.get('group'));
    if (!group) return { status: 303, body: '', headers: { location: url.pathname + url.search } };
    const token = await signLocalToken([group], { subject: `local-${group}` });
    return {
      status: 303,
      body: '',
      headers: {
        location: nextPage(form.get('next') ?? undefined),
        'set-cookie': setCookie(SESSION_COOKIE, token, SESSION_SECONDS),
        'cache-control': 'no-store',
      },
    };
  };

type LocalHandler = (method: string, url: URL, body: string) => Promise<LocalResponse | undefined>;

/** The local stack's own routes: its console sign-in first, then `/local/...`. */
export const withConsoleSignIn =
  (signIn: LocalHandler, rest: LocalHandler): LocalHandler =>
  async (method, url, body) =>
    (await signIn(method, url, body)) ?? rest(method, url, body);
