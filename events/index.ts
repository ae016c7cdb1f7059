import type { EventContract } from './contract';
import { EventCreated } from './event-created';
import { EventPublished } from './event-published';
import { EventUpdated } from './event-updated';

export { EventCreated, EventPublished, EventUpdated };
export { patternFor, type EventContract, type DetailOf } from './contract';

/** Every contract, for the schema registry, the samples test and the local archive. */
export const allContracts: readonly EventContract[] = [EventCreated, EventPublished, EventUpdated];
