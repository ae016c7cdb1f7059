import {
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationRejected,
  RegistrationWaitlisted,
} from '../../../events';
import { publish } from '../../adapters/bus';
import type { Registration } from '../../domain/registration';

/**
 * Announces where a registration stands. Called after every decision and again on a duplicate delivery:
 * announcing twice is harmless (mails are keyed by registration and version in the ledger), and it heals
 * a decision whose first announcement failed.
 */
export const announceOutcome = async (r: Registration, freed?: { event: boolean; sessions: string[] }) => {
  const base = { registrationId: r.registrationId, eventId: r.eventId, version: r.version };
  switch (r.status) {
    case 'confirmed':
      return publish(RegistrationConfirmed, { ...base, sessions: { ...r.sessions } });
    case 'waitlisted':
      return publish(RegistrationWaitlisted, { ...base, sessions: { ...r.sessions } });
    case 'rejected':
      return publish(RegistrationRejected, {
        ...base,
        reason: r.rejectedReason === 'event_not_found' ? 'event_not_found' : 'registration_closed',
      });
    case 'cancelled':
      return publish(RegistrationCancelled, { ...base, freed: freed ?? { event: false, sessions: [] } });
    case 'pending':
      return undefined;
  }
};
