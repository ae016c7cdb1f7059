import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { requireCurrentHolder, requireManageToken } from './manage-token';
import { requestSessionChange } from './request-session-change';

/** A delegate's change of sessions, with the manage token from their mail (403 otherwise). */
export const requestOwnSessionChange = async (
  registrationId: string,
  token: string,
  sessions: readonly string[],
) => {
  const holder = requireManageToken(registrationId, token);
  const r = await registrationRepository.find(registrationId);
  if (r) requireCurrentHolder(r, holder);
  return requestSessionChange(registrationId, sessions);
};
