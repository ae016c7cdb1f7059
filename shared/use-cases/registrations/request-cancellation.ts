import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';
import { askCancellation } from './ask-cancellation';
import { requireCurrentHolder, requireManageToken } from './manage-token';

/** Checks the manage token from the email link and asks for the cancellation on the bus. */
export const requestCancellation = async (registrationId: string, token: string) => {
  const holder = requireManageToken(registrationId, token);
  const r = await registrationRepository.find(registrationId);
  if (!r) throw notFound('The registration');
  requireCurrentHolder(r, holder);
  return askCancellation(r);
};
