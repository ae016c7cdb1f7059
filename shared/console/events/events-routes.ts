import type { ConsoleRoutes } from '../console-route';

/** The console's front page (every event) and each event's overview, creation, editing, publishing and cancelling. */
export const eventsRoutes = {
  home: { method: 'GET', path: '/console', auth: 'comms' },
  newEvent: { method: 'GET', path: '/console/events/new', auth: 'organisers' },
  createEvent: { method: 'POST', path: '/console/events', auth: 'organisers', audit: 'event.created' },
  overview: { method: 'GET', path: '/console/events/{eventId}', auth: 'comms' },
  editPart: { method: 'GET', path: '/console/events/{eventId}/edit/{part}', auth: 'organisers' },
  savePart: {
    method: 'POST',
    path: '/console/events/{eventId}/edit/{part}',
    auth: 'organisers',
    audit: 'event.updated',
  },
  publish: {
    method: 'POST',
    path: '/console/events/{eventId}/publish',
    auth: 'organisers',
    audit: 'event.published',
  },
  confirmCancel: { method: 'GET', path: '/console/events/{eventId}/cancel', auth: 'organisers' },
  cancel: {
    method: 'POST',
    path: '/console/events/{eventId}/cancel',
    auth: 'organisers',
    audit: 'event.cancelled',
  },
} as const satisfies ConsoleRoutes;
