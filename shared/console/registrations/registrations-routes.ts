import type { ConsoleRoutes } from '../console-route';

/** An event's registrations: the table, one delegate and what an organiser does for them, and mail problems. */
export const registrationsRoutes = {
  list: { method: 'GET', path: '/console/events/{eventId}/registrations', auth: 'organisers' },
  exportCsv: {
    method: 'GET',
    path: '/console/events/{eventId}/registrations.csv',
    auth: 'organisers',
    audit: 'registrations.exported',
  },
  newRegistration: { method: 'GET', path: '/console/events/{eventId}/registrations/new', auth: 'organisers' },
  // Suspected bulk sign-ups (bulk-sign-ups-page.ts): the groups, and removing one in one action.
  suspected: { method: 'GET', path: '/console/events/{eventId}/registrations/suspected', auth: 'organisers' },
  removeSuspected: {
    method: 'POST',
    path: '/console/events/{eventId}/registrations/suspected',
    auth: 'organisers',
    audit: 'registrations.removed',
  },
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
    audit: 'registration.erased',
  },
  mailProblems: { method: 'GET', path: '/console/events/{eventId}/mail-problems', auth: 'organisers' },
  retryMail: { method: 'POST', path: '/console/events/{eventId}/mail-problems/retry', auth: 'organisers' },
  dataReport: { method: 'GET', path: '/console/events/{eventId}/data-report', auth: 'organisers' },
} as const satisfies ConsoleRoutes;
