import { consoleUrls } from '../console-navigation';

/** The parts of an event an organiser edits, one form each, in the order the overview lists them. */
export const EventParts = ['details', 'sessions', 'reminders', 'survey'] as const;
export type EventPart = (typeof EventParts)[number];

export const isEventPart = (value: string | undefined): value is EventPart =>
  (EventParts as readonly string[]).includes(value ?? '');

/** What each part's page and its links are called. */
export const partNames: Readonly<Record<EventPart, { heading: string; link: string }>> = {
  details: { heading: 'Event details', link: 'Change the details' },
  sessions: { heading: 'Sessions', link: 'Change the sessions' },
  reminders: { heading: 'Reminders', link: 'Change the reminders' },
  survey: { heading: 'Survey', link: 'Change the survey' },
};

/** The events area's own addresses, beside the console's (`consoleUrls`), so links and routes agree. */
export const eventUrls = {
  create: '/console/events',
  edit: (eventId: string, part: EventPart) => `${consoleUrls.event(eventId)}/edit/${part}`,
  publish: (eventId: string) => `${consoleUrls.event(eventId)}/publish`,
  cancel: (eventId: string) => `${consoleUrls.event(eventId)}/cancel`,
  /** The overview after a post, with what happened for its banner. */
  done: (eventId: string, outcome: Readonly<Record<string, string | number>>) =>
    `${consoleUrls.event(eventId)}?${new URLSearchParams(
      Object.entries(outcome).map(([k, v]) => [k, String(v)]),
    )}`,
};
