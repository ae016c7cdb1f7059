import { EmailBounced, EmailComplaintReceived } from '../../events';
import type { FunctionSpec } from './types';

/** What happened to each mail: a delegate's mail with its state, an event's mail problems, SES's reports. */
export const mailRecordFunctions = {
  listRegistrationMails: {
    entry: 'list-registration-mails',
    description: 'Lists every mail to one delegate with its state (queued, sent, bounced, failed...)',
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/events/{eventId}/registrations/{registrationId}/mails',
      auth: 'organisers',
    },
    access: { table: 'read' },
  },
  listMailProblems: {
    entry: 'list-mail-problems',
    description: "Lists an event's bounced, complained, failed and suppressed mail with the reason",
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/mail-problems', auth: 'organisers' },
    access: { table: 'read' },
  },
  recordMailFeedback: {
    entry: 'record-mail-feedback',
    description: "Keeps SES's bounce or complaint on the ledger entry of the mail it is about",
    trigger: { kind: 'event', events: [EmailBounced, EmailComplaintReceived] },
    access: { table: 'readWrite' },
  },
} as const satisfies Record<string, FunctionSpec>;
