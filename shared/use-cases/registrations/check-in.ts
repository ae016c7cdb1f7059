import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { nowIso } from '../../clock';
import { conflict, notFound } from '../../domain/errors';

/** Marks a confirmed delegate of this event attended; checking in twice is the same as once. */
export const checkIn = async (eventId: string, registrationId: string) => {
  const r = await registrationRepository.find(registrationId);
  if (!r || r.eventId !== eventId) throw notFound('The registration');
  const result = await registrationRepository.checkIn(registrationId, nowIso());
  if (result === 'not_confirmed') {
    throw conflict(
      'not_confirmed',
      `Only confirmed delegates can be checked in; this registration is ${r.status}.`,
    );
  }
  return { registrationId, status: 'attended' as const };
};
