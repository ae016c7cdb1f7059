import { registrationsRoutes } from '../../../shared/console/registrations/registrations-routes';
import type { FunctionSpec } from '../types';

export const consoleRegistrationsFunctions = {
  consoleRegistrations: {
    entry: 'console-registrations',
    description:
      "The console's registrations: the table, a delegate's detail and mail, changes for them, export, erasure, mail problems",
    trigger: { kind: 'pages', routes: Object.values(registrationsRoutes) },
    // The send queue: a failed mail sent again from the mail problems page.
    // Retention: the personal data page says when the event's data expires.
    access: {
      table: 'readWrite',
      bus: 'put',
      tokens: 'sign',
      pages: 'render',
      sendQueue: 'send',
      placesQueue: 'send',
      retention: 'read',
    },
  },
} as const satisfies Record<string, FunctionSpec>;
