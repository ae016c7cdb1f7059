import { EventPublished, EventUpdated, RegistrationRequested, SurveyAnswered } from '../../events';
import type { FunctionSpec } from './types';

/** Personal data in bounds (UK GDPR): its expiry stamped after each write that needs one, and its report. */
export const dataFunctions = {
  stampRetention: {
    entry: 'stamp-retention',
    description:
      "Stamps the expiry (TTL) of an event's personal data: its registrations and survey answers, " +
      'again for all of them when the event is published or its times change',
    trigger: { kind: 'event', events: [EventPublished, EventUpdated, RegistrationRequested, SurveyAnswered] },
    access: { table: 'readWrite', retention: 'read' },
    // An event of some thousands of delegates: one update each when its end moves.
    timeoutSeconds: 300,
  },
  getDataReport: {
    entry: 'get-data-report',
    description: 'Reports what personal data is held for an event: each kind, how many, where, and expiry',
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/data-report', auth: 'organisers' },
    access: { table: 'read', retention: 'read' },
  },
} as const satisfies Record<string, FunctionSpec>;
