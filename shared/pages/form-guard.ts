import { randomUUID } from 'node:crypto';
import { tokenKey } from '../adapters/token-key';
import { now } from '../clock';
import { checkToken, signToken } from '../domain/tokens';

/** Every form the pages post, named once: a value issued for one is refused by every other. */
export const FormNames = {
  register: 'register',
  resend: 'resend',
  changeSessions: 'change-sessions',
  cancel: 'cancel',
  survey: 'survey',
  unsubscribe: 'unsubscribe',
} as const;

export type FormName = (typeof FormNames)[keyof typeof FormNames];

/** A form left open in a tab for a week still posts; older than that, the page asks again. */
const FORM_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/**
 * The per-form value every page's form carries (hidden field `formToken`): signed for one form and one
 * subject (an event, a registration), with a nonce that names this one rendering. A post from another
 * site has no such value, so it is refused (CSRF); a second post of the same rendering (a double click)
 * carries the same nonce, so the handler can recognise it.
 */
export const issueFormToken = (form: FormName, subject: string): string =>
  signToken(
    tokenKey,
    'form',
    `${form}:${subject}:${randomUUID()}`,
    new Date(now().getTime() + FORM_LIFETIME_MS),
  );

export type FormTokenCheck =
  | { readonly ok: true; readonly nonce: string }
  | { readonly ok: false; readonly reason: 'missing' | 'invalid' | 'expired' };

export const checkFormToken = (
  form: FormName,
  subject: string,
  value: string | undefined,
): FormTokenCheck => {
  if (!value) return { ok: false, reason: 'missing' };
  const checked = checkToken(tokenKey, 'form', value, now());
  if (!checked.ok) return { ok: false, reason: checked.reason === 'expired' ? 'expired' : 'invalid' };
  const prefix = `${form}:${subject}:`;
  if (!checked.subject.startsWith(prefix)) return { ok: false, reason: 'invalid' };
  return { ok: true, nonce: checked.subject.slice(prefix.length) };
};

/**
 * Whether a browser says the post came from another site (Fetch Metadata). Browsers too old to send
 * `Sec-Fetch-Site` still need the signed form value, which another site cannot read.
 */
export const postedFromAnotherSite = (headers: Readonly<Record<string, string | undefined>>): boolean => {
  const site = headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
};
