import { DomainError } from '../../domain/errors';
import { seeOther, type HttpResult } from '../../http/respond';
import { requestCancellation } from '../../use-cases/registrations/request-cancellation';
import { requestOwnSessionChange } from '../../use-cases/registrations/request-own-session-change';
import { awaitBookingChange, showBooking } from '../../use-cases/registrations/show-booking';
import { changeErrors, readChangeForm, sameChoice, slotsOf } from './change-form';
import { freshForm, type Form, type Headers } from './fresh-form';
import { bookingLinks } from './links';
import { badLinkPage, cancelPage, changePage, OUT_OF_DATE } from './manage-pages';
import { FormNames } from '../form-guard';

/** "Yes, cancel my booking": asked for as the JSON route asks, then back to the booking. */
export const postCancellation = async (registrationId: string, fields: Form, headers: Headers) => {
  const token = fields.token ?? '';
  try {
    const booking = await showBooking(registrationId, token);
    if (!freshForm(headers, FormNames.cancel, registrationId, fields))
      return cancelPage(booking, token, OUT_OF_DATE);
    const before = booking.registration;
    await requestCancellation(registrationId, token);
    if (before.status !== 'cancelled') await awaitBookingChange(registrationId, before.version);
    return seeOther(bookingLinks(registrationId, token).done('cancelled', before.version));
  } catch (error) {
    return badLinkPage(registrationId, error);
  }
};

/** The change form posted: the same use-case as the JSON route; its refusals shown beside the slots. */
export const postSessionChange = async (
  registrationId: string,
  fields: Form,
  headers: Headers,
): Promise<HttpResult> => {
  const token = fields.token ?? '';
  let booking;
  try {
    booking = await showBooking(registrationId, token);
  } catch (error) {
    return badLinkPage(registrationId, error);
  }
  const r = booking.registration;
  const slots = slotsOf(booking.conference, booking.seats.sessions, r);
  if (!freshForm(headers, FormNames.changeSessions, registrationId, fields)) {
    const summary = [{ text: OUT_OF_DATE, href: `#${slots[0]?.id ?? 'main-content'}` }];
    return changePage(booking, token, { errors: { summary, byField: {} }, posted: fields, status: 400 });
  }
  const sessions = readChangeForm(fields, slots, booking.conference, r);
  const links = bookingLinks(registrationId, token);
  if (sameChoice(sessions, r.sessionOrder)) return seeOther(links.manage);
  try {
    await requestOwnSessionChange(registrationId, token, sessions);
  } catch (error) {
    if (!(error instanceof DomainError) || error.kind !== 'invalid')
      return badLinkPage(registrationId, error);
    const errors = changeErrors(error.details, sessions, slots);
    return changePage(booking, token, { errors, posted: fields, status: 400 });
  }
  await awaitBookingChange(registrationId, r.version);
  return seeOther(links.done('sessions', r.version));
};
