import { CancellationRequested } from '../../../events';
import { publish } from '../../adapters/bus';
import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { tokenKey } from '../../adapters/token-key';
import { now } from '../../clock';
import { DomainError, conflict, notFound } from '../../domain/errors';
import { checkToken } from '../../domain/tokens';

const forbidden = () =>
  new DomainError('forbidden', 'invalid_token', 'This link is not valid for this registration.');

/** Checks the manage token from the email link and asks for the cancellation on the bus. */
export const requestCancellation = async (registrationId: string, token: string) => {
  const check = checkToken(tokenKey, 'manage', token, now());
  if (!check.ok || check.subject !== registrationId) throw forbidden();
  const r = await registrationRepository.find(registrationId);
  if (!r) throw notFound('The registration');
  if (r.status === 'rejected') throw conflict('not_registered', 'This registration was not accepted.');
  if (r.status !== 'cancelled') {
    await publish(CancellationRequested, { registrationId, eventId: r.eventId });
  }
  return { registrationId, status: 'cancelled' as const };
};
