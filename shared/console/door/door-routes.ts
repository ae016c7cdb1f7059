import type { ConsoleRoutes } from '../console-route';

/** The door on the day: find a delegate (or scan their code), check them in or undo it, register a walk-in. */
export const doorRoutes = {
  door: { method: 'GET', path: '/console/events/{eventId}/door', auth: 'organisers' },
  checkIn: { method: 'POST', path: '/console/events/{eventId}/door/check-in', auth: 'organisers' },
  undo: { method: 'POST', path: '/console/events/{eventId}/door/undo', auth: 'organisers' },
  walkInForm: { method: 'GET', path: '/console/events/{eventId}/door/walk-in', auth: 'organisers' },
  walkIn: { method: 'POST', path: '/console/events/{eventId}/door/walk-in', auth: 'organisers' },
} as const satisfies ConsoleRoutes;
