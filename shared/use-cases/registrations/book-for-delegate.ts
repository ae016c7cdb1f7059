import { registrationRepository } from '../../adapters/dynamo/registration-repository';
import { nowIso } from '../../clock';
import { allocatePlaces } from './allocate';
import { storePending, type RegistrationRequest } from './register';

export interface OrganiserBookingRequest extends RegistrationRequest {
  readonly overbook?: boolean;
  readonly checkIn?: boolean;
}

/**
 * An organiser books for someone (a phone call, a walk-in at the door). Places are decided in the
 * request, so the answer can say how it went: beyond capacity only with `overbook`, and checked in
 * at once with `checkIn` when confirmed. A retry after a failure finds the pending booking and decides it.
 */
export const bookForDelegate = async (
  eventId: string,
  { overbook = false, checkIn = false, ...request }: OrganiserBookingRequest,
) => {
  const pending = await storePending(eventId, request, 'organiser');
  await allocatePlaces(pending.registrationId, { overbook });
  const checkedIn =
    checkIn && (await registrationRepository.checkIn(pending.registrationId, nowIso())) !== 'not_confirmed';
  const r = await registrationRepository.find(pending.registrationId);
  const status = r?.status === 'confirmed' || r?.status === 'waitlisted' ? r.status : 'rejected';
  return {
    registrationId: pending.registrationId,
    status,
    overbooked: r?.overbookedAt !== undefined,
    checkedIn,
  };
};
