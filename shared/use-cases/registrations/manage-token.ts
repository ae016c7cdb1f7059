import { tokenKey } from '../../adapters/token-key';
import { now } from '../../clock';
import { DomainError } from '../../domain/errors';
import { holderOf, parseManageSubject } from '../../domain/registration/manage-subject';
import type { Registration } from '../../domain/registration';
import { checkToken } from '../../domain/tokens';

const invalid = (message = 'This link is not valid for this registration.') =>
  new DomainError('forbidden', 'invalid_token', message);

/**
 * Checks the manage token from a mail's link against the registration it names (403 otherwise), before
 * anything is read; returns which holder of the place it was sent to.
 */
export const requireManageToken = (registrationId: string, token: string): number => {
  const check = checkToken(tokenKey, 'manage', token, now());
  const subject = check.ok ? parseManageSubject(check.subject) : undefined;
  if (!subject || subject.registrationId !== registrationId) throw invalid();
  return subject.holder;
};

/** A link sent to a previous holder of a place passed to a colleague no longer manages it. */
export const requireCurrentHolder = (r: Pick<Registration, 'formerDelegates'>, holder: number): void => {
  if (holderOf(r) !== holder) {
    throw invalid('This place has been passed to a colleague; this link no longer manages it.');
  }
};
