import type { FunctionSpec } from './types';

/** The outbox (README, "Nothing lost between a write and its event"). */
export const outboxFunctions = {
  sweepOutbox: {
    entry: 'sweep-outbox',
    description: 'Puts on the bus (or the places queue) what they refused, kept in the outbox',
    trigger: { kind: 'schedule', everyMinutes: 1 },
    access: { table: 'readWrite', bus: 'put', placesQueue: 'send' },
    timeoutSeconds: 50,
  },
} as const satisfies Record<string, FunctionSpec>;
