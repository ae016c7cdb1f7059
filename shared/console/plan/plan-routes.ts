import type { ConsoleRoutes } from '../console-route';

/** The comms plan of an event (and its calendar feed's key), and the survey's results. */
export const planRoutes = {
  plan: { method: 'GET', path: '/console/events/{eventId}/plan', auth: 'comms' },
  newFeedKey: { method: 'POST', path: '/console/events/{eventId}/plan/feed', auth: 'comms' },
  surveyResults: { method: 'GET', path: '/console/events/{eventId}/survey-results', auth: 'organisers' },
  surveyResultsCsv: {
    method: 'GET',
    path: '/console/events/{eventId}/survey-results.csv',
    auth: 'organisers',
    audit: 'survey-results.exported',
  },
} as const satisfies ConsoleRoutes;
