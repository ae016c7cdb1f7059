import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { suppressionRepository } from '../../adapters/dynamo/suppression-repository';
import { nowIso } from '../../clock';
import { DomainError, invalid } from '../../domain/errors';
import { readUnsubscribeLink, type UnsubscribeLink } from './unsubscribe-token';

export interface Unsubscribed {
  readonly status: 'unsubscribed';
  /** False when the registration was erased: Convene holds no address for it, so there was none to list. */
  readonly addressHeld: boolean;
}

/** The error a bad link answers with: 400 without a token, 403 for a malformed or forged one, 410 once expired. */
export const linkProblem = (reason: Exclude<UnsubscribeLink, { ok: true }>['reason']): DomainError => {
  switch (reason) {
    case 'missing':
      return invalid([{ path: 'token', message: 'Required' }], 'The unsubscribe link has no token.');
    case 'expired':
      return new DomainError(
        'gone',
        'link_expired',
        'This unsubscribe link has expired; use the link in a more recent email.',
      );
    case 'invalid':
      return new DomainError('forbidden', 'invalid_token', 'This unsubscribe link is not valid.');
  }
};

/**
 * Unsubscribes the address of the link's registration from campaign mail (the address is listed by its
 * keyed digest, address-digest.ts, so the entry outlives the registration's erasure). Confirmations and
 * reminders still reach it.
 * Unsubscribing twice is the same as once. A registration erased since the mail was sent has no address
 * any more: the answer is still 200, because nothing more will be mailed to it from that registration,
 * and answering an error would only make a one-click client retry.
 */
export const unsubscribe = async (token: string | undefined): Promise<Unsubscribed> => {
  const link = readUnsubscribeLink(token);
  if (!link.ok) throw linkProblem(link.reason);
  const email = (await registrationRepository.find(link.registrationId))?.delegate?.email;
  if (email === undefined) return { status: 'unsubscribed', addressHeld: false };
  await suppressionRepository.unsubscribe(email, nowIso());
  return { status: 'unsubscribed', addressHeld: true };
};
