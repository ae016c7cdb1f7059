import { EnvNames, optionalEnv, requireEnv } from '../config/env';

/**
 * Cognito's managed login, the only code that knows its OAuth 2.0 endpoints: where to send the browser
 * to sign in (authorization code with PKCE), how to swap the code for tokens, and where to sign out.
 * Unset locally (`CONSOLE_LOGIN_URL`), where the local stack's sign-in page stands in.
 */
export interface LoginService {
  authoriseUrl(options: { state: string; challenge: string; redirectUri: string }): string;
  /** The ID token for a code, or undefined when Cognito refuses the code (used, expired, wrong verifier). */
  exchange(options: { code: string; verifier: string; redirectUri: string }): Promise<string | undefined>;
  logoutUrl(returnTo: string): string;
}

const TOKEN_TIMEOUT_MS = 5000;

export const loginService = (): LoginService | undefined => {
  const base = optionalEnv(EnvNames.consoleLoginUrl)?.replace(/\/+$/, '');
  if (!base) return undefined;
  const clientId = requireEnv(EnvNames.jwtClientId);
  return {
    authoriseUrl: ({ state, challenge, redirectUri }) =>
      `${base}/oauth2/authorize?${new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        state,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      })}`,
    exchange: async ({ code, verifier, redirectUri }) => {
      const response = await fetch(`${base}/oauth2/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'authorization_code',
          client_id: clientId,
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
        }),
        signal: AbortSignal.timeout(TOKEN_TIMEOUT_MS),
      });
      if (response.status === 400) return undefined; // invalid_grant: the code is spent or not ours
      if (!response.ok) throw new Error(`Cognito's token endpoint answered ${response.status}`);
      const tokens = (await response.json()) as { id_token?: unknown };
      return typeof tokens.id_token === 'string' ? tokens.id_token : undefined;
    },
    logoutUrl: (returnTo) =>
      `${base}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: returnTo })}`,
  };
};
