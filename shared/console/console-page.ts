import { html, type HttpResult } from '../http/respond';
import { renderPage, type PageFrame } from '../pages/render';
import { consoleUrls, eventNavigation, type EventSection } from './console-navigation';
import { isOrganiser, type ConsoleSession } from './console-session';
import { teamNavigation, teamWords } from './team/team-frame';

/** The event a console page belongs to: its title over the page and its navigation. */
export interface ConsoleEventFrame {
  readonly id: string;
  readonly title: string;
  readonly section?: EventSection;
}

export interface ConsoleFrame extends PageFrame {
  readonly event?: ConsoleEventFrame;
}

/** What every console template reads (console/layout.njk) besides its own values. */
export const consoleFrame = (
  session: ConsoleSession | undefined,
  csrf: string | undefined,
  event?: ConsoleEventFrame,
) => ({
  serviceName: 'Convene console',
  consoleScript: true,
  serviceUrl: consoleUrls.home,
  navigation: session
    ? teamNavigation(session, [{ href: consoleUrls.home, text: 'Events', active: !event }])
    : [],
  signedIn: session
    ? {
        email: session.email,
        csrf,
        role: `${isOrganiser(session) ? 'Organiser' : 'Communications team'}${teamWords(session)}`,
      }
    : undefined,
  signOutUrl: consoleUrls.signOut,
  eventFrame:
    event && session
      ? { ...event, navigation: eventNavigation(session, event.id, event.section) }
      : undefined,
});

/**
 * Renders a console page (a template under shared/pages/templates/console) in the console's frame: the
 * signed-in person and "Sign out", the event's navigation when the page is an event's, and `csrf` for
 * its forms.
 */
export const consolePage = (
  request: { readonly session: ConsoleSession; readonly csrf: string },
  template: string,
  values: ConsoleFrame & Record<string, unknown>,
  status = 200,
): HttpResult =>
  html(
    status,
    renderPage(`console/${template}`, {
      width: 'full',
      ...values,
      ...consoleFrame(request.session, request.csrf, values.event),
      csrf: request.csrf,
    }),
  );
