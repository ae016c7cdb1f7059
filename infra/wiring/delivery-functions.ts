import type { FunctionSpec } from './types';

/** The delivery area's functions. */
export const deliveryFunctions = {} as const satisfies Record<string, FunctionSpec>;
