import type { HttpResult } from '../../http/respond';

/**
 * The campaign's HTML part as the delegate's mail client shows it, as a document of its own. It is never
 * put inside a console page (where the organiser's markup could run, post or restyle the console): the
 * CSP's `sandbox` gives it an opaque origin with no script, no forms and no popups, so it reaches neither
 * the session nor the console; only its inline styles and https images load, as in a mail client.
 */
export const sandboxedMail = (html: string): HttpResult => ({
  statusCode: 200,
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; " +
      "form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
  },
  body: html,
});
