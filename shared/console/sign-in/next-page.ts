/**
 * Where to go after signing in: a console address on this site, or the console's front page. Anything
 * else (another site, `//evil.example`, a backslash trick) is ignored, so the sign-in is no open redirect.
 */
export const nextPage = (wanted: string | undefined): string =>
  wanted && /^\/console(\/[\w\-./?=&%+]*)?$/.test(wanted) && !wanted.includes('//') && !wanted.includes('/..')
    ? wanted
    : '/console';
