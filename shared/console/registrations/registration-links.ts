import { consoleUrls } from '../console-navigation';

const registrations = (eventId: string) => `${consoleUrls.section(eventId, 'registrations')}`;
const delegate = (eventId: string, registrationId: string) =>
  `${registrations(eventId)}/${encodeURIComponent(registrationId)}`;

/** What a post on a delegate's page did, for the banner on the page it lands on. */
export type DelegateDone = 'added' | 'moved' | 'unchanged' | 'substituted' | 'cancelled' | 'erased';

/** The registrations area's addresses, built once so links and the route table agree. */
export const registrationLinks = {
  list: registrations,
  csv: (eventId: string) => `${registrations(eventId)}.csv`,
  newDelegate: (eventId: string) => `${registrations(eventId)}/new`,
  add: registrations,
  delegate,
  /**
   * The delegate's page after a post. `pending`: the change was asked for on the bus and had not shown
   * yet when the post answered; `since` is the registration's version before it.
   */
  done: (
    eventId: string,
    registrationId: string,
    done: DelegateDone,
    wait?: { readonly pending: boolean; readonly since: number },
  ) =>
    `${delegate(eventId, registrationId)}?${new URLSearchParams({
      done,
      ...(wait?.pending ? { pending: String(wait.since) } : {}),
    })}`,
  sessions: (eventId: string, registrationId: string) => `${delegate(eventId, registrationId)}/sessions`,
  substitute: (eventId: string, registrationId: string) => `${delegate(eventId, registrationId)}/substitute`,
  cancel: (eventId: string, registrationId: string) => `${delegate(eventId, registrationId)}/cancel`,
  erase: (eventId: string, registrationId: string) => `${delegate(eventId, registrationId)}/erase`,
  mailProblems: (eventId: string) => consoleUrls.section(eventId, 'mail-problems'),
  retry: (eventId: string) => `${consoleUrls.section(eventId, 'mail-problems')}/retry`,
  retried: (eventId: string, count: number) =>
    `${consoleUrls.section(eventId, 'mail-problems')}?${new URLSearchParams({ retried: String(count) })}`,
};
