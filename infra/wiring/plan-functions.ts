import type { FunctionSpec } from './types';

/** The comms plan: every message and post of an event on one list, and as a calendar feed behind a secret key. */
export const planFunctions = {
  getPlan: {
    entry: 'get-plan',
    description:
      'Lists everything an event sends or posts, with its state (JSON, or iCalendar on Accept: text/calendar)',
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/plan', auth: 'comms' },
    access: { table: 'read' },
  },
  getPlanFeed: {
    entry: 'get-plan-feed',
    description: "The comms plan as an iCalendar feed, for whoever holds the event's secret key",
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/plan.ics', auth: 'public' },
    access: { table: 'read' },
  },
  renewPlanKey: {
    entry: 'renew-plan-key',
    description: "Makes a new secret key for the plan's calendar feed; the old address stops working",
    trigger: { kind: 'http', method: 'POST', path: '/events/{eventId}/plan-key', auth: 'comms' },
    access: { table: 'readWrite' },
  },
} as const satisfies Record<string, FunctionSpec>;
