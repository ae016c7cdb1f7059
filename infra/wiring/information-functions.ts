import type { FunctionSpec } from './types';

/** Pages of information every page links to: the privacy notice and the accessibility statement. */
export const informationFunctions = {} as const satisfies Record<string, FunctionSpec>;
