import type { EventContract } from './contract';

/** The reminder area's bus events; each one is also exported by name from here. */
export const reminderContracts: readonly EventContract[] = [];
