import type { ConsoleRoutes } from '../console-route';

/** An event's registrations: the table, one delegate and what an organiser does for them, and mail problems. */
export const registrationsRoutes = {
  list: { method: 'GET', path: '/console/events/{eventId}/registrations', auth: 'organisers' },
  exportCsv: { method: 'GET', path: '/console/events/{eventId}/registrations.csv', auth: 'organisers' },
  newRegistration: { method: 'GET', path: '/console/events/{eventId}/registrations/new', auth: 'organisers' },
  addRegistration: { method: 'POST', path: '/console/events/{eventId}/registrations', auth: 'organisers' },
  detail: {
    method: 'GET',
    path: '/console/events/{eventId}/registrations/{registrationId}',
    auth: 'organisers',
  },
  changeSessions: {
    method: 'GET',
    path: '/console/events/{eventId}/registrations/{registrationId}/sessions',
    auth: 'organisers',
  },
  moveSessions: {
    method: 'POST',
    path: '/console/events/{eventId}/registrations/{registrationId}/sessions',
    auth: 'organisers',
  },
  substituteForm: {
    method: 'GET',
    path: '/console/events/{eventId}/registrations/{registrationId}/substitute',
    auth: 'organisers',
  },
  substitute: {
    method: 'POST',
    path: '/console/events/{eventId}/registrations/{registrationId}/substitute',
    auth: 'organisers',
  },
  confirmCancel: {
    method: 'GET',
    path: '/console/events/{eventId}/registrations/{registrationId}/cancel',
    auth: 'organisers',
  },
  cancel: {
    method: 'POST',
    path: '/console/events/{eventId}/registrations/{registrationId}/cancel',
    auth: 'organisers',
  },
  confirmErase: {
    method: 'GET',
    path: '/console/events/{eventId}/registrations/{registrationId}/erase',
    auth: 'organisers',
  },
  erase: {
    method: 'POST',
    path: '/console/events/{eventId}/registrations/{registrationId}/erase',
    auth: 'organisers',
  },
  mailProblems: { method: 'GET', path: '/console/events/{eventId}/mail-problems', auth: 'organisers' },
  retryMail: { method: 'POST', path: '/console/events/{eventId}/mail-problems/retry', auth: 'organisers' },
} as const satisfies ConsoleRoutes;
