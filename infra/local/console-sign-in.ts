import { consoleFrame } from '../../shared/console/console-page';
import { nextPage } from '../../shared/console/sign-in/next-page';
import { setCookie, SESSION_COOKIE } from '../../shared/console/session-cookie';
import type { PageAssets } from '../../shared/pages/page-assets';
import { renderPage } from '../../shared/pages/render';
import type { LocalResponse } from './http-server';
import { DEFAULT_TEAM, isTeamId } from '../../shared/domain/teams/teams';
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
    // Cognito's managed login returns to /console/callback; locally nobody is sent there, so whoever comes
    // (an old bookmark, a probe) is sent to sign in here rather than to a login the stack does not have.
    if (url.pathname === '/console/callback') {
      return { status: 303, body: '', headers: { location: '/console/sign-in' } };
    }
    if (url.pathname !== '/console/sign-in') return undefined;
    const signInPage = (status: number, next: string | null, team: string, teamError?: string) => ({
      status,
      body: renderPage(
        'console/local-sign-in.njk',
        {
          title: 'Sign in to the console',
          next: nextPage(next ?? undefined),
          team,
          teamError,
          ...consoleFrame(undefined, undefined),
        },
        assets,
      ),
      headers: pageHeaders,
    });
    if (method === 'GET') return signInPage(200, url.searchParams.get('next'), DEFAULT_TEAM);
    if (method !== 'POST') return undefined;
    const form = new URLSearchParams(body);
    const group = LOCAL_GROUPS.find((g) => g === form.get('group'));
    if (!group) return { status: 303, body: '', headers: { location: url.pathname + url.search } };
    // A free choice of team: locally anyone may be in any team, as `npm run token -- --team` allows.
    const team = (form.get('team') ?? '').trim().toLowerCase() || DEFAULT_TEAM;
    if (!isTeamId(team)) {
      return signInPage(
        400,
        form.get('next'),
        team,
        'Enter a team id: lower-case letters, digits and hyphens',
      );
    }
    const token = await signLocalToken([group], { subject: `local-${group}-${team}`, teams: [team] });
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
