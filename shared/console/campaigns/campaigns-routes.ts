import type { ConsoleRoutes } from '../console-route';

/** An event's campaigns: the list, composing one (with its live count and preview), its progress, cancelling. */
export const campaignsRoutes = {
  list: { method: 'GET', path: '/console/events/{eventId}/campaigns', auth: 'organisers' },
  compose: { method: 'GET', path: '/console/events/{eventId}/campaigns/new', auth: 'organisers' },
  /** The compose form's "Preview": the count and a rendered mail for a real recipient, then "Send". */
  preview: { method: 'POST', path: '/console/events/{eventId}/campaigns/preview', auth: 'organisers' },
  create: { method: 'POST', path: '/console/events/{eventId}/campaigns', auth: 'organisers' },
  detail: { method: 'GET', path: '/console/events/{eventId}/campaigns/{campaignId}', auth: 'organisers' },
  cancel: {
    method: 'POST',
    path: '/console/events/{eventId}/campaigns/{campaignId}/cancel',
    auth: 'organisers',
  },
} as const satisfies ConsoleRoutes;
