import type { ConsoleRoutes } from '../console-route';

/** The door on the day: find a delegate (or scan their code), check them in or undo it, register a walk-in. */
export const doorRoutes = {
  door: { method: 'GET', path: '/console/events/{eventId}/door', auth: 'organisers' },
  checkIn: {
    method: 'POST',
    path: '/console/events/{eventId}/door/check-in',
    auth: 'organisers',
    audit: 'check-in.recorded',
  },
  undo: {
    method: 'POST',
    path: '/console/events/{eventId}/door/undo',
    auth: 'organisers',
    audit: 'check-in.undone',
  },
  walkInForm: { method: 'GET', path: '/console/events/{eventId}/door/walk-in', auth: 'organisers' },
  walkIn: {
    method: 'POST',
    path: '/console/events/{eventId}/door/walk-in',
    auth: 'organisers',
    audit: 'check-in.recorded',
  },
} as const satisfies ConsoleRoutes;
