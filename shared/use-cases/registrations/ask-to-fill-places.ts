import type { DetailOf } from '../../../events/contract';
import type { EventUpdated, RegistrationCancelled } from '../../../events';
import { askForPlaces } from '../../adapters/places-queue';

/**
 * Passes an event that frees or adds places (a cancellation, an erasure, a raised capacity) from the bus
 * to the event's group on the places queue, where the freed places are filled in turn with the other
 * decisions. The bus event's id deduplicates a repeated delivery.
 */
export const askToFillPlaces = async <C extends typeof RegistrationCancelled | typeof EventUpdated>(
  contract: C,
  detail: DetailOf<C>,
  eventId: string,
  busEventId: string,
): Promise<void> => askForPlaces(contract, detail, { group: eventId, deduplicationId: `fill:${busEventId}` });
