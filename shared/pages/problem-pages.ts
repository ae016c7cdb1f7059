import type { ProblemPages } from '../http/contract-core';
import { html } from '../http/respond';
import { renderPage } from './render';

/** The heading of the page for each refusal, in GOV.UK's words for its own error pages. */
const headingOf = (status: number): string => {
  if (status === 404) return 'Page not found';
  if (status === 410) return 'This page is no longer available';
  if (status === 403) return 'This link does not work';
  if (status === 429) return 'Too many tries';
  if (status >= 500) return 'Sorry, there is a problem with the service';
  return 'There is a problem';
};

/**
 * The page a browser gets where a JSON client gets an error body: the status, a heading and the
 * refusal's own sentence. A 500 says nothing internal (its sentence is the generic one).
 */
export const problemPages: ProblemPages = (status, message) =>
  html(
    status,
    renderPage('message.njk', {
      title: headingOf(status),
      paragraphs: status >= 500 ? ['Try again later.'] : [message],
    }),
  );
