import type { ConsoleRoutes } from '../console-route';

/** An event's audit: who exported, erased, sent, changed or checked in, and when. */
export const auditRoutes = {
  audit: { method: 'GET', path: '/console/events/{eventId}/audit', auth: 'organisers' },
} as const satisfies ConsoleRoutes;
