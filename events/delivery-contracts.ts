import type { EventContract } from './contract';

/** The delivery area's bus events; each one is also exported by name from here. */
export const deliveryContracts: readonly EventContract[] = [];
