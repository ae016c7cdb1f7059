import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { tokenKey } from '../../adapters/token-key';
import { nowIso } from '../../clock';
import { conflict, notFound } from '../../domain/errors';
import { isCheckInCode, normaliseCheckInCode } from '../../domain/tokens';

const noSuchCode = () => notFound('A registration of this event with that check-in code');

/**
 * The registration of this event whose check-in code this is. Codes are recomputed from the key, not
 * stored, so the event's registrations are read and each one's code compared.
 */
const registrationWithCode = async (eventId: string, typed: string): Promise<string> => {
  if (!normaliseCheckInCode(typed)) throw noSuchCode();
  for await (const page of registrationRepository.ofEvent(eventId)) {
    const match = page.find((r) => isCheckInCode(tokenKey, r.registrationId, typed));
    if (match) return match.registrationId;
  }
  throw noSuchCode();
};

/** Marks a confirmed delegate of this event attended; a second check-in says so and keeps the first time. */
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
  return {
    registrationId,
    status: 'attended' as const,
    alreadyCheckedIn: result.already,
    checkedInAt: result.attendedAt,
  };
};

/** Checks in by the code from the delegate's confirmation mail; a code of no registration here is a 404. */
export const checkInByCode = async (eventId: string, code: string) =>
  checkIn(eventId, await registrationWithCode(eventId, code));
