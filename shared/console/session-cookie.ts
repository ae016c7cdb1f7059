/**
 * The console's session cookie. `__Host-` binds it to this origin (Secure, Path=/, no Domain); HttpOnly
 * keeps it from page script; SameSite=Lax sends it on a top-level navigation (a link from mail) but not
 * on another site's form post.
 */
export const SESSION_COOKIE = '__Host-convene-session';

/** The sign-in in progress (PKCE verifier and state), for the few minutes between leaving and returning. */
export const SIGN_IN_COOKIE = '__Host-convene-sign-in';

export const SIGN_IN_SECONDS = 10 * 60;

const attributes = 'Path=/; Secure; HttpOnly; SameSite=Lax';

export const setCookie = (name: string, value: string, maxAgeSeconds: number): string =>
  `${name}=${value}; ${attributes}; Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`;

export const clearCookie = (name: string): string => `${name}=; ${attributes}; Max-Age=0`;

/** A cookie's value from an HTTP API event's `cookies` (payload 2.0 splits the Cookie header into them). */
export const cookieOf = (cookies: readonly string[] | undefined, name: string): string | undefined => {
  for (const cookie of cookies ?? []) {
    const at = cookie.indexOf('=');
    if (at > 0 && cookie.slice(0, at).trim() === name) return cookie.slice(at + 1).trim() || undefined;
  }
  return undefined;
};
