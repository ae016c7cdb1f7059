import { auditPage } from '../audit-schemas';
import type { RouteDoc } from './route-doc';

/** Who did what to an event, and when. */
export const auditRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/events/{eventId}/audit',
    summary:
      "The event's audit, newest first, a page at a time (`limit`, 1-100, default 50; `after`, the previous " +
      "page's `next`): every export of registrations or survey results, erasure, campaign sent or cancelled, " +
      'change to the event (create, update, publish, cancel) and check-in or its undo, through the API or ' +
      'the console, with who did it (the token’s subject, email or username) and when. Registrations are ' +
      'named by id only, so an erased delegate leaves no personal data here',
    success: { status: 200, schema: auditPage, description: 'A page of the audit' },
    errors: [404],
  },
];
