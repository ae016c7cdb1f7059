import { html, type HttpResult } from '../../http/respond';
import type { UnsubscribeLink } from '../../use-cases/delivery/unsubscribe-token';
import { renderPage } from '../render';

/**
 * The pages of the unsubscribe link in a campaign mail. The link opens a page with a button (a GET
 * changes nothing, so a link scanner or a mail client prefetching links unsubscribes no one); the button
 * posts the same URL with the form's signed value. A one-click client (RFC 8058) posts without a page.
 */

/** The event the mail was about, for the top of the page and the way back; absent where it is not known. */
export interface UnsubscribeEvent {
  readonly title: string;
  /** The event's page, where it is still open to see (published). */
  readonly url?: string;
}

const frame = (event: UnsubscribeEvent | undefined) => ({
  serviceName: event?.title,
  serviceUrl: event?.url,
  eventTitle: event?.title,
  eventUrl: event?.url,
});

/** The page the link opens: what unsubscribing means, and the button that does it. */
export const confirmPage = (
  token: string,
  formToken: string,
  event: UnsubscribeEvent | undefined,
  outOfDate = false,
): string =>
  renderPage('unsubscribe/confirm.njk', {
    title: 'Unsubscribe from event updates',
    ...frame(event),
    action: `?token=${encodeURIComponent(token)}`,
    formToken,
    errors: outOfDate
      ? [{ text: 'The page was out of date. Select Unsubscribe again.', href: '#unsubscribe' }]
      : [],
  });

/** After the post, for a browser. */
export const donePage = (addressHeld: boolean, event: UnsubscribeEvent | undefined): string =>
  renderPage('unsubscribe/done.njk', {
    title: addressHeld ? 'You are unsubscribed' : 'Nothing more will be sent',
    ...frame(event),
    addressHeld,
  });

/** A link that does not work: a page saying so, with the status the JSON route gives. */
export const linkProblemPage = (reason: Exclude<UnsubscribeLink, { ok: true }>['reason']): HttpResult =>
  reason === 'expired'
    ? html(
        410,
        renderPage('message.njk', {
          title: 'This link has expired',
          paragraphs: [
            'This unsubscribe link has expired. Use the unsubscribe link in a more recent email.',
            'You can close this page.',
          ],
        }),
      )
    : html(
        reason === 'missing' ? 400 : 403,
        renderPage('message.njk', {
          title: 'This link does not work',
          paragraphs: [
            'This unsubscribe link is not valid. Check that you opened the whole link from the email.',
            'You can close this page.',
          ],
        }),
      );
