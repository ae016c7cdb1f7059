import type { FunctionSpec } from './types';

export const planFunctions = {} as const satisfies Record<string, FunctionSpec>;
