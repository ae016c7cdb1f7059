import { html, type HttpResult } from '../http/respond';
import { renderPage } from '../pages/render';
import { consoleFrame } from './console-page';
import { csrfValueOf, type ConsoleSession } from './session';

const headingOf = (status: number): string => {
  if (status === 403) return 'You cannot use this page';
  if (status === 404) return 'Page not found';
  if (status === 409) return 'That cannot be done now';
  if (status === 410) return 'This is no longer available';
  if (status >= 500) return 'Sorry, there is a problem with the service';
  return 'There is a problem';
};

/** A refusal or failure in the console, as a page in the console's frame (never JSON, never internals). */
export const consoleProblem = (status: number, message: string, session?: ConsoleSession): HttpResult =>
  html(
    status,
    renderPage('console/problem.njk', {
      title: headingOf(status),
      message: status >= 500 ? 'Try again later.' : message,
      ...consoleFrame(session, session ? csrfValueOf(session) : undefined),
    }),
  );
