import { CancellationRequested } from '../../../events';
import { askForPlaces } from '../../adapters/places-queue';
import { conflict } from '../../domain/errors';
import type { Registration } from '../../domain/registration';

/**
 * Asks for a registration's cancellation on the places queue, after the registration's own allocation;
 * the canceller there gives the places back, and the mail follows. Asking twice cancels once.
 */
export const askCancellation = async (r: Registration) => {
  if (r.status === 'rejected') throw conflict('not_registered', 'This registration was not accepted.');
  if (r.status !== 'cancelled') {
    await askForPlaces(
      CancellationRequested,
      { registrationId: r.registrationId, eventId: r.eventId },
      { group: r.eventId, deduplicationId: `cancel:${r.registrationId}` },
    );
  }
  return { registrationId: r.registrationId, status: 'cancelled' as const };
};
