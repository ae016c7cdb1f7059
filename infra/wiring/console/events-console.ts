import { eventsRoutes } from '../../../shared/console/events/events-routes';
import type { FunctionSpec } from '../types';

export const consoleEventsFunctions = {
  consoleEvents: {
    entry: 'console-events',
    description:
      "The console's events: the list, an event's overview, creating, editing, publishing and cancelling",
    trigger: { kind: 'pages', routes: Object.values(eventsRoutes) },
    access: { table: 'readWrite', bus: 'put', tokens: 'sign', pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
