import { CancellationRequested } from '../../../events';
import { publish } from '../../adapters/bus';
import { conflict } from '../../domain/errors';
import type { Registration } from '../../domain/registration';

/** Asks for a registration's cancellation on the bus; the canceller gives the places back and mails. */
export const askCancellation = async (r: Registration) => {
  if (r.status === 'rejected') throw conflict('not_registered', 'This registration was not accepted.');
  if (r.status !== 'cancelled') {
    await publish(CancellationRequested, { registrationId: r.registrationId, eventId: r.eventId });
  }
  return { registrationId: r.registrationId, status: 'cancelled' as const };
};
