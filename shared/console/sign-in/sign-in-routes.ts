import type { ConsoleRoutes } from '../console-route';

/**
 * The console's way in and out. On AWS `GET /console/sign-in` sends the browser to Cognito's managed
 * login and `GET /console/callback` takes it back; locally the local stack answers `/console/sign-in`
 * itself with a page to choose a group (infra/local/console-sign-in.ts), and the rest is the same.
 */
export const signInRoutes = {
  signIn: { method: 'GET', path: '/console/sign-in', auth: 'public' },
  callback: { method: 'GET', path: '/console/callback', auth: 'public' },
  signOut: { method: 'POST', path: '/console/sign-out', auth: 'public' },
  signedOut: { method: 'GET', path: '/console/signed-out', auth: 'public' },
} as const satisfies ConsoleRoutes;
