import { mailProblems, registrationMails } from '../mail-record-schemas';
import type { RouteDoc } from './route-doc';

/** What happened to each mail: to one delegate, and an event's mail that did not arrive. */
export const mailRecordRoutes: readonly RouteDoc[] = [
  {
    method: 'GET',
    path: '/events/{eventId}/registrations/{registrationId}/mails',
    summary:
      'Every mail recorded for one delegate, newest first: what it was, its subject, when it was queued ' +
      'and sent, and its state (queued, held, sending, sent, bounced, complained, suppressed, skipped, ' +
      "failed) with the reason. Bounces and complaints are SES's reports after sending. An erased " +
      "delegate's mail stays listed without their details",
    success: { status: 200, schema: registrationMails, description: "The delegate's mail" },
    errors: [404],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/mail-problems',
    summary:
      "The event's mail that did not reach its delegate and will not by itself, newest first: bounced, " +
      'complained (marked as spam), failed (retriable: true) and suppressed (the address bounced or ' +
      'complained before), with the reason and who it was for. Mail an unsubscribe stopped is not listed',
    success: { status: 200, schema: mailProblems, description: 'The mail problems' },
    errors: [404],
  },
];
