import { seatCounters } from '../../adapters/dynamo/seat-counters';
import { promotionsDue } from '../../domain/registration';

/** How many waiting delegates the free places of an event will take now (the promoter does it after). */
export const promotionsDueFor = async (eventId: string): Promise<number> =>
  promotionsDue(await seatCounters(eventId));
