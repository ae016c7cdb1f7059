import type { FunctionSpec } from './types';

export const mailRecordFunctions = {} as const satisfies Record<string, FunctionSpec>;
