import { signInRoutes } from '../../../shared/console/sign-in/sign-in-routes';
import type { FunctionSpec } from '../types';

export const consoleSignInFunctions = {
  consoleSignIn: {
    entry: 'console-sign-in',
    description: 'Signs people in to the console (Cognito managed login with PKCE) and out',
    trigger: { kind: 'pages', routes: Object.values(signInRoutes) },
    access: { table: 'readWrite', tokens: 'sign', pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
