import { DomainError } from '../../domain/errors';
import { html, type HttpResult } from '../../http/respond';
import {
  eventOfRegistration,
  showBooking,
  type Booking,
  type showOutcome,
} from '../../use-cases/registrations/show-booking';
import type { PageErrors } from '../form-errors';
import { FormNames, issueFormToken } from '../form-guard';
import { renderPage } from '../render';
import { bookingView } from './booking-view';
import { NONE, slotsOf, type SlotOption } from './change-form';
import { bookingLinks, eventPage, resendPost } from './links';
import type { ManageQuery } from './manage-query';
import { statusView } from './status-view';

/** The names the per-form values are signed for (form-guard.ts). */

export const OUT_OF_DATE = 'The form was out of date. Check your answers and submit again.';

const frameOf = (b: Booking) => ({
  serviceName: b.conference.title,
  serviceUrl: eventPage(b.conference.eventId),
});

/** The page a delegate lands on after registering: the public status in words. */
export const statusPage = (outcome: Awaited<ReturnType<typeof showOutcome>>): HttpResult =>
  html(200, renderPage('manage/status.njk', statusView(outcome)));

export const managePage = (
  b: Booking,
  token: string,
  done?: { readonly what: 'sessions' | 'cancelled'; readonly since: number },
): HttpResult => html(200, renderPage('manage/booking.njk', bookingView(b, token, done)));

const hintOf = (o: SlotOption): string => {
  if (o.held === 'confirmed') return 'You have a place';
  if (o.held === 'waitlisted') return 'You are on the waiting list';
  if (o.placesLeft === 0) return 'Full: you will join the waiting list';
  return o.placesLeft === 1 ? '1 place left' : `${o.placesLeft} places left`;
};

/** The change form: each time slot a radio question, the current choice selected (or the one just posted). */
export const changePage = (
  b: Booking,
  token: string,
  shown: {
    readonly errors?: PageErrors;
    readonly posted?: Readonly<Record<string, string>>;
    readonly status?: number;
  } = {},
): HttpResult => {
  const r = b.registration;
  const links = bookingLinks(r.registrationId, token);
  const slots = slotsOf(b.conference, b.seats.sessions, r).map((slot) => ({
    id: slot.id,
    when: slot.when,
    value: shown.posted?.[slot.id] ?? slot.options.find((o) => o.held)?.sessionId ?? NONE,
    items: [
      ...slot.options.map((o) => ({ value: o.sessionId, text: o.title, hint: { text: hintOf(o) } })),
      { divider: 'or' },
      { value: NONE, text: 'No workshop in this slot' },
    ],
  }));
  return html(
    shown.status ?? 200,
    renderPage('manage/change.njk', {
      ...frameOf(b),
      title: 'Change your workshops',
      backLink: { href: links.manage, text: 'Back to your booking' },
      errors: shown.errors?.summary ?? [],
      errorsByField: shown.errors?.byField ?? {},
      slots,
      action: links.changePost,
      token,
      formToken: issueFormToken(FormNames.changeSessions, r.registrationId),
      manageUrl: links.manage,
    }),
  );
};

/** "Are you sure?": what cancelling gives up, and a warning button. */
export const cancelPage = (b: Booking, token: string, error?: string): HttpResult => {
  const r = b.registration;
  const links = bookingLinks(r.registrationId, token);
  return html(
    error ? 400 : 200,
    renderPage('manage/cancel.njk', {
      ...frameOf(b),
      title: 'Are you sure you want to cancel your booking?',
      backLink: { href: links.manage, text: 'Back to your booking' },
      errors: error ? [{ text: error, href: '#confirm-cancel' }] : [],
      paragraphs: [
        r.status === 'waitlisted'
          ? 'You will lose your place on the waiting list.'
          : 'Your place will go to the next person waiting.',
        'You cannot undo this. If you change your mind, you will need to register again.',
      ],
      action: links.cancelPost,
      token,
      formToken: issueFormToken(FormNames.cancel, r.registrationId),
      manageUrl: links.manage,
    }),
  );
};

interface ResendValues {
  readonly email?: string;
  readonly error?: string;
}

const resendForm = (eventId: string, values: ResendValues = {}) => ({
  action: resendPost(eventId),
  formToken: issueFormToken(FormNames.resend, eventId),
  ...values,
});

/** The resend form on its own page, shown again after a post it could not use. */
export const resendPage = (
  event: { readonly eventId: string; readonly title: string },
  values: ResendValues,
  status = 400,
): HttpResult =>
  html(
    status,
    renderPage('manage/resend.njk', {
      title: 'Get a new link to your booking',
      serviceName: event.title,
      serviceUrl: eventPage(event.eventId),
      errors: values.error ? [{ text: values.error, href: '#email' }] : [],
      resend: resendForm(event.eventId, values),
    }),
  );

/** The same answer whether or not the address is registered. */
export const resendSentPage = (event: { readonly eventId: string; readonly title: string }): HttpResult =>
  html(
    200,
    renderPage('message.njk', {
      title: 'Check your email',
      serviceName: event.title,
      serviceUrl: eventPage(event.eventId),
      paragraphs: [
        'If that address is registered for this event, we have sent the link again.',
        'The email can take a few minutes to arrive. If you cannot find it, check your spam or junk folder.',
      ],
    }),
  );

const LINK_HELP =
  'Check that you used the whole link from your email: if it was copied, part of it may be missing.';

/**
 * The page for a manage link that does not work (403, or 410 once expired): what happened and a form to
 * have the booking mailed again. Any other refusal is left to the route's problem pages.
 */
export const badLinkPage = async (registrationId: string, error: unknown): Promise<HttpResult> => {
  if (!(error instanceof DomainError) || (error.kind !== 'forbidden' && error.kind !== 'gone')) throw error;
  const event = await eventOfRegistration(registrationId);
  const expired = error.kind === 'gone';
  return html(
    expired ? 410 : 403,
    renderPage('manage/bad-link.njk', {
      title: expired ? 'This link has expired' : 'This link does not work',
      serviceName: event?.title,
      serviceUrl: event ? eventPage(event.eventId) : undefined,
      paragraphs: expired
        ? ['Links to manage a booking stop working a while after the event.']
        : [error.message, LINK_HELP],
      resend: event ? resendForm(event.eventId) : undefined,
    }),
  );
};

/** GET with the manage link: the booking, or the step asked for while it is still open. */
export const bookingPage = async (registrationId: string, query: ManageQuery & { token: string }) => {
  try {
    const booking = await showBooking(registrationId, query.token);
    const r = booking.registration;
    const open = booking.changesOpen && (r.status === 'confirmed' || r.status === 'waitlisted');
    if (open && query.step === 'change') return changePage(booking, query.token);
    if (open && query.step === 'cancel') return cancelPage(booking, query.token);
    const done = query.done ? { what: query.done, since: query.since ?? 0 } : undefined;
    return managePage(booking, query.token, done);
  } catch (error) {
    return badLinkPage(registrationId, error);
  }
};
