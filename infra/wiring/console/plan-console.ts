import { planRoutes } from '../../../shared/console/plan/plan-routes';
import type { FunctionSpec } from '../types';

export const consolePlanFunctions = {
  consolePlan: {
    entry: 'console-plan',
    description: "The console's comms plan of every message and post, its feed key, and the survey results",
    trigger: { kind: 'pages', routes: Object.values(planRoutes) },
    access: { table: 'readWrite', tokens: 'sign', pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
