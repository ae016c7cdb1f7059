import { cancelEventResponse } from '../event-schemas';
import type { RouteDoc } from './route-doc';

/** The reminder area's routes: cancelling an event stops its reminders (and closes registration). */
export const reminderRoutes: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events/{eventId}/cancel',
    summary: 'Cancel an event: registration closes and no more reminders are sent (idempotent)',
    success: { status: 200, schema: cancelEventResponse, description: 'Cancelled' },
    errors: [404, 409],
  },
];
