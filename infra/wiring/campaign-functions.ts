import type { FunctionSpec } from './types';

/** The campaign area's functions. */
export const campaignFunctions = {} as const satisfies Record<string, FunctionSpec>;
