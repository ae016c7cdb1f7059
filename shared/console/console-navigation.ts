import { isOrganiser, type ConsoleSession } from './console-session';

/** The parts of one event in the console, in the order its navigation lists them, and who sees each. */
export const EventSections = [
  { id: 'overview', text: 'Overview', path: '', organisersOnly: false },
  { id: 'registrations', text: 'Registrations', path: '/registrations', organisersOnly: true },
  { id: 'door', text: 'Check-in', path: '/door', organisersOnly: true },
  { id: 'campaigns', text: 'Campaigns', path: '/campaigns', organisersOnly: true },
  { id: 'mail-problems', text: 'Mail problems', path: '/mail-problems', organisersOnly: true },
  { id: 'plan', text: 'Plan', path: '/plan', organisersOnly: false },
  { id: 'posts', text: 'Posts to X', path: '/posts', organisersOnly: false },
  { id: 'survey', text: 'Survey results', path: '/survey-results', organisersOnly: true },
  { id: 'audit', text: 'Audit', path: '/audit', organisersOnly: true },
  { id: 'data', text: 'Personal data', path: '/data-report', organisersOnly: true },
] as const;

export type EventSection = (typeof EventSections)[number]['id'];

/** Every console address, built in one place so a page's links and the route tables agree. */
export const consoleUrls = {
  home: '/console',
  signIn: '/console/sign-in',
  signOut: '/console/sign-out',
  newEvent: '/console/events/new',
  event: (eventId: string) => `/console/events/${encodeURIComponent(eventId)}`,
  section: (eventId: string, section: EventSection) =>
    `/console/events/${encodeURIComponent(eventId)}${EventSections.find((s) => s.id === section)?.path ?? ''}`,
};

/** The event's navigation this person sees: comms sees the overview, the plan and the posts. */
export const eventNavigation = (
  session: ConsoleSession,
  eventId: string,
  current: EventSection | undefined,
): { readonly href: string; readonly text: string; readonly current: boolean }[] =>
  EventSections.filter((section) => !section.organisersOnly || isOrganiser(session)).map((section) => ({
    href: consoleUrls.section(eventId, section.id),
    text: section.text,
    current: section.id === current,
  }));
