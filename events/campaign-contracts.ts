import type { EventContract } from './contract';

/** The campaign area's bus events; each one is also exported by name from here. */
export const campaignContracts: readonly EventContract[] = [];
