import { EventCancelled, EventPublished, EventUpdated, SurveyDue } from '../../events';
import type { FunctionSpec } from './types';

/** Surveys: the invitation schedule, the fan-out when it is due, the delegate's link and the results. */
export const surveyFunctions = {
  syncSurveySchedules: {
    entry: 'sync-survey-schedules',
    description: "Keeps the survey invitation's and reminder's schedules in line with the event's times",
    trigger: { kind: 'event', events: [EventPublished, EventUpdated, EventCancelled] },
    access: { table: 'readWrite', scheduler: 'manage' },
    timeoutSeconds: 60,
  },
  queueSurveyMail: {
    entry: 'queue-survey-mail',
    description: 'Records and queues a due survey invitation (or reminder) for each delegate it is for',
    trigger: { kind: 'event', events: [SurveyDue] },
    access: { table: 'readWrite', sendQueue: 'send', retention: 'read' },
    // An event of some thousands of delegates: one ledger write and queue entry each.
    timeoutSeconds: 300,
  },
  getSurvey: {
    entry: 'get-survey',
    description: "Shows the survey a delegate's link opens (a form to a browser, JSON otherwise)",
    trigger: { kind: 'http', method: 'GET', path: '/surveys/{token}', auth: 'public' },
    access: { table: 'read', tokens: 'sign', pages: 'render' },
  },
  answerSurvey: {
    entry: 'answer-survey',
    description: "Keeps a delegate's answers once, apart from who gave them",
    trigger: { kind: 'http', method: 'POST', path: '/surveys/{token}', auth: 'public' },
    access: { table: 'readWrite', tokens: 'sign', bus: 'put', pages: 'render' },
  },
  getSurveyResults: {
    entry: 'get-survey-results',
    description: "Aggregates an event's survey responses for organisers (JSON or CSV)",
    trigger: {
      kind: 'http',
      method: 'GET',
      path: '/events/{eventId}/survey-results',
      auth: 'organisers',
      // Only the CSV: the JSON is the aggregates the console shows (shared/domain/audit).
      audit: 'survey-results.exported',
    },
    access: { table: 'read' },
    timeoutSeconds: 29,
  },
} as const satisfies Record<string, FunctionSpec>;
