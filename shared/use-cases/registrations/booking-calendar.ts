import { now } from '../../clock';
import { senderAddress } from '../../adapters/sender-address';
import { EnvNames, requireEnv } from '../../config/env';
import type { Conference } from '../../domain/conference';
import { inviteSequence } from '../../domain/mail/invite-sequence';
import { conflict, DomainError } from '../../domain/errors';
import { formatRangeForUk } from '../../domain/wall-clock';
import { bookingInvite } from '../../mail/booking-invite';
import type { CalendarPerson } from '../../mail/calendar';
import { senderParts } from '../../mail/sender';
import { singleLine } from '../../mail/single-line';
import { showBooking } from './show-booking';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');

/** Who the entry names as organiser: the event's contact, as its mails do; without one, the sender. */
const organiserOf = (conference: Conference): CalendarPerson =>
  conference.contact ?? senderParts(senderAddress);

/**
 * The booking's calendar entry to download ("Add to calendar"): the same entry the confirmation mail
 * attaches (same UID and SEQUENCE, so it updates rather than doubles it). Only while the delegate holds
 * a place: 409 `no_place` otherwise.
 */
export const bookingCalendar = async (registrationId: string, token: string) => {
  const { registration: r, conference, day, checkInCode } = await showBooking(registrationId, token);
  if (r.status !== 'confirmed' || conference.status !== 'published') {
    throw conflict('no_place', 'There is no place booked to add to a calendar.');
  }
  if (!r.delegate) throw new DomainError('gone', 'erased', 'This booking was removed.');
  const zone = conference.timezone;
  const eventTitle = singleLine(conference.title);
  const content = bookingInvite({
    method: 'REQUEST',
    registrationId,
    sequence: inviteSequence(r.version, conference.version),
    eventTitle,
    startsAt: new Date(conference.startsAt),
    endsAt: new Date(conference.endsAt),
    venueName: singleLine(conference.venue.name),
    venueAddress: conference.venue.address ? singleLine(conference.venue.address) : undefined,
    lead: `Your place at ${eventTitle} is confirmed.`,
    booked: day
      .filter((entry) => entry.status === 'confirmed')
      .map(({ session }) => ({
        title: singleLine(session.title),
        when: formatRangeForUk(new Date(session.startsAt), new Date(session.endsAt), zone),
      })),
    checkInCode: checkInCode ?? null,
    manageLabel: 'Manage your registration',
    manageUrl: `${publicUrl}/registrations/${registrationId}?token=${encodeURIComponent(token)}`,
    organiser: organiserOf(conference),
    delegate: { name: r.delegate.name, email: r.delegate.email },
    stamp: now(),
  });
  return { filename: `${conference.eventId}.ics`, content };
};
