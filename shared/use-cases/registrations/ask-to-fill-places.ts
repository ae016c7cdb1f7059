import { EventUpdated } from '../../../events';
import { askForPlaces } from '../../adapters/places-queue';

/**
 * Passes a raised capacity from the bus to the event's group on the places queue, where the new places
 * are filled in turn with the other decisions. The bus event's id deduplicates a repeated delivery.
 */
export const askToFillRaisedPlaces = async (detail: EventUpdated, busEventId: string): Promise<void> =>
  askForPlaces(EventUpdated, detail, { group: detail.event.eventId, deduplicationId: `fill:${busEventId}` });
