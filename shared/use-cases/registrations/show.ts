import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';
import { publicRegistration } from '../../domain/registration';

/** A registration's status for anyone holding its id: no personal data. */
export const showRegistration = async (registrationId: string) => {
  const r = await registrationRepository.find(registrationId);
  if (!r) throw notFound('The registration');
  return publicRegistration(r);
};
