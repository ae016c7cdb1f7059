import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { notFound } from '../../domain/errors';
import { askCancellation } from './ask-cancellation';

/** An organiser cancels for a delegate (the phone call "I can't come"): as the delegate's own cancel. */
export const cancelForDelegate = async (eventId: string, registrationId: string) => {
  const r = await registrationRepository.find(registrationId);
  if (!r || r.eventId !== eventId) throw notFound('The registration');
  return askCancellation(r);
};
