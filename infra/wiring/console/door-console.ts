import { doorRoutes } from '../../../shared/console/door/door-routes';
import type { FunctionSpec } from '../types';

export const consoleDoorFunctions = {
  consoleDoor: {
    entry: 'console-door',
    description: "The console's check-in desk: search, scan, check in, undo, walk-ins",
    trigger: { kind: 'pages', routes: Object.values(doorRoutes) },
    access: {
      table: 'readWrite',
      bus: 'put',
      placesQueue: 'send',
      tokens: 'sign',
      pages: 'render',
      retention: 'read',
    },
  },
} as const satisfies Record<string, FunctionSpec>;
