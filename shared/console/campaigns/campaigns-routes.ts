import type { ConsoleRoutes } from '../console-route';

/** An event's campaigns: the list, composing one (with its live count and preview), its progress, cancelling. */
export const campaignsRoutes = {
  list: { method: 'GET', path: '/console/events/{eventId}/campaigns', auth: 'organisers' },
  compose: { method: 'GET', path: '/console/events/{eventId}/campaigns/new', auth: 'organisers' },
  /** JSON for the compose page's script: how many an audience reaches now, and who it leaves out. */
  count: { method: 'GET', path: '/console/events/{eventId}/campaigns/count', auth: 'organisers' },
  /** The compose form's "Preview": the count and a rendered mail for a real recipient, then "Send". */
  preview: { method: 'POST', path: '/console/events/{eventId}/campaigns/preview', auth: 'organisers' },
  create: {
    method: 'POST',
    path: '/console/events/{eventId}/campaigns',
    auth: 'organisers',
    audit: 'campaign.created',
  },
  detail: { method: 'GET', path: '/console/events/{eventId}/campaigns/{campaignId}', auth: 'organisers' },
  /** JSON for the progress page's script while the campaign is sending. */
  progress: {
    method: 'GET',
    path: '/console/events/{eventId}/campaigns/{campaignId}/progress',
    auth: 'organisers',
  },
  cancel: {
    method: 'POST',
    path: '/console/events/{eventId}/campaigns/{campaignId}/cancel',
    auth: 'organisers',
    audit: 'campaign.cancelled',
  },
} as const satisfies ConsoleRoutes;
