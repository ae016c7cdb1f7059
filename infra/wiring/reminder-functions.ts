import type { FunctionSpec } from './types';

/** The reminder area's functions. */
export const reminderFunctions = {} as const satisfies Record<string, FunctionSpec>;
