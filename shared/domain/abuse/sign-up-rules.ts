/**
 * Rules against sign-up abuse that need no AWS: what a name may not carry, which addresses are one inbox,
 * and the form's trap for robots.
 */

/** The event form's hidden field people never see or fill in; a robot filling every field fills it. */
export const HONEYPOT_FIELD = 'website';

/** A form post with the honeypot filled in. */
export const caughtByHoneypot = (form: Readonly<Record<string, string>>): boolean =>
  (form[HONEYPOT_FIELD] ?? '').trim() !== '';

/** A scheme (`http://`, `ftp://`), `www.`, or a host with a common top-level domain (`evil.example/win`). */
const LINK =
  /[a-z][a-z0-9+.-]*:\/\/|\bwww\.|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|uk|ru|cn|xyz|top|click|link|online|site|shop|app|example|ly|me)\b(?:[/:?#]|$|\s)/iu;

/**
 * Why a person's name is refused, or undefined: a URL or an email address in it would be mailed, in the
 * organiser's name, to whatever address came with it (links in "Dear <name>" are the spam).
 */
export const nameProblem = (name: string): string | undefined => {
  if (name.includes('@')) return 'A name cannot contain an email address';
  if (LINK.test(name)) return 'A name cannot contain a web address';
  return undefined;
};

/** The address without a plus tag (`victim+7@school.org` → `victim@school.org`), lower-cased. */
export const untaggedAddress = (email: string): string => {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const local = address.slice(0, at);
  const plus = local.indexOf('+');
  return plus > 0 ? `${local.slice(0, plus)}${address.slice(at)}` : address;
};

/**
 * The address an event's "already registered" check holds: the untagged one unless the event counts
 * plus-tagged addresses apart (`ignoreEmailTags: false`). The address mailed stays as typed.
 */
export const claimAddress = (email: string, event: { readonly ignoreEmailTags?: boolean }): string =>
  event.ignoreEmailTags === false ? email.trim().toLowerCase() : untaggedAddress(email);
