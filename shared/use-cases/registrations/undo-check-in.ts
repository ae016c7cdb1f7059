import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { conflict, notFound } from '../../domain/errors';
import { undoCheckInRefusal } from '../../domain/registration/check-in';

/**
 * Takes back a check-in made by mistake (the wrong name tapped at the door): the delegate is no longer
 * attended and can be checked in again. No mail goes. A delegate not checked in (undone already, from
 * another desk or a second tap) is a 409 `not_checked_in`, and nothing is written.
 */
export const undoCheckIn = async (eventId: string, registrationId: string) => {
  for (let attempt = 1; ; attempt += 1) {
    const r = await registrationRepository.find(registrationId);
    if (!r || r.eventId !== eventId) throw notFound('The registration');
    const refusal = undoCheckInRefusal(r);
    if (refusal) throw refusal;
    // attendedAt is set: the rule has just checked it.
    const undone = await registrationRepository.undoCheckIn(registrationId, r.attendedAt ?? '');
    if (undone) return { registrationId, attended: false as const, wasCheckedInAt: r.attendedAt };
    // Changed meanwhile (undone and checked in again, or cancelled): decide on what it is now.
    if (attempt >= 3) throw conflict('changed', 'This registration is changing; try again.');
  }
};
