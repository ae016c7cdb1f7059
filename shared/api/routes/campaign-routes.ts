import {
  campaignAccepted,
  campaignList,
  campaignPreview,
  campaignProgress,
  campaignRequest,
} from '../campaign-schemas';
import type { RouteDoc } from './route-doc';

/** Campaigns: preview, send now or at sendAt, progress, cancel. */
export const campaignRoutes: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events/{eventId}/campaigns/preview',
    summary:
      'Who a campaign would reach now (recipients) and who matched but will not (excluded: unsubscribed, ' +
      'suppressed, noConsent for news), the mail the first would get, how long sending takes at the ' +
      'configured rate and whether the daily quota holds it; writes nothing. 400 for an unknown placeholder',
    body: campaignRequest,
    success: { status: 200, schema: campaignPreview, description: 'The preview' },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/events/{eventId}/campaigns',
    summary:
      'Send a campaign now or at sendAt. An Idempotency-Key header makes a repeat answer the same campaign ' +
      '(409 idempotency_key_reused with a different body). 400 for an unknown placeholder or a sendAt not ' +
      'ahead; 409 no_recipients when sent now to an audience of nobody, daily_quota_exceeded over the ' +
      'daily quota, possible_duplicate for the same subject and text to the same audience within ten ' +
      'minutes without a key (send confirmDuplicate: true to send it anyway)',
    body: campaignRequest,
    success: { status: 202, schema: campaignAccepted, description: 'Accepted: sending, or scheduled' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/campaigns',
    summary: "The event's campaigns, newest first, each with its purpose, status and counts",
    success: { status: 200, schema: campaignList, description: 'The campaigns' },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/campaigns/{campaignId}',
    summary: "A campaign's status and counts; once nothing is pending they add up to its recipients",
    success: { status: 200, schema: campaignProgress, description: 'The campaign' },
    errors: [404],
  },
  {
    method: 'POST',
    path: '/campaigns/{campaignId}/cancel',
    summary:
      'Stop what is not sent (idempotent); not-sent mail counts as cancelled. 409 campaign_sent once sent',
    success: { status: 200, schema: campaignProgress, description: 'Cancelled' },
    errors: [404, 409],
  },
];
