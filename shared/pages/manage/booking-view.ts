import type { Conference } from '../../domain/conference';
import type { Registration, RegistrationStatus } from '../../domain/registration';
import { formatRangeForUk, timezoneNote } from '../../domain/wall-clock';
import { checkInQrOutline } from '../../mail/check-in-qr';
import type { Booking } from '../../use-cases/registrations/show-booking';
import { bookingLinks } from './links';

type Row = { readonly key: { readonly text: string }; readonly value: { readonly text: string } };

/** "1st", "2nd", "3rd", "11th": a place in a queue as people say it. */
export const ordinal = (n: number): string => {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? 'th'}`;
};

const waitingWords = (position: number | undefined): string =>
  position ? `On the waiting list (${ordinal(position)} in line)` : 'On the waiting list';

const statusWords: Record<RegistrationStatus, string> = {
  pending: 'Being decided',
  confirmed: 'Booked',
  waitlisted: 'On the waiting list',
  cancelled: 'Cancelled',
  rejected: 'Not booked',
};

/** What the booking's status reads as, as it stands (a cancellation asked for and not yet done reads as done). */
const statusOf = (b: Booking, cancelling: boolean): string => {
  const r = b.registration;
  if (cancelling || r.status === 'cancelled') return 'Cancelled';
  if (r.status === 'confirmed' && r.attendedAt) return 'Booked and checked in';
  if (r.status === 'waitlisted') return waitingWords(b.eventWaitingPosition);
  return statusWords[r.status];
};

export interface Banner {
  readonly type: 'success' | 'important';
  readonly heading: string;
  readonly text?: string;
}

/** The banner after a form post: what was done, or that it is still being done (a refresh shows it). */
const bannerOf = (
  r: Registration,
  done: { readonly what: 'sessions' | 'cancelled'; readonly since: number } | undefined,
): Banner | undefined => {
  if (!done) return undefined;
  if (done.what === 'cancelled') {
    return r.status === 'cancelled'
      ? {
          type: 'success',
          heading: 'Your booking has been cancelled',
          text: 'We have sent you an email to confirm.',
        }
      : {
          type: 'important',
          heading: 'We are cancelling your booking',
          text: 'This usually takes a few seconds. Refresh this page to see it done.',
        };
  }
  return r.version > done.since
    ? {
        type: 'success',
        heading: 'Your workshop choices have been updated',
        text: 'We have sent you an email with your updated booking.',
      }
    : {
        type: 'important',
        heading: 'We are updating your workshop choices',
        text: 'This usually takes a few seconds. Refresh this page to see your new choices.',
      };
};

const venueOf = (c: Conference): string =>
  c.venue.address ? `${c.venue.name}, ${c.venue.address}` : c.venue.name;

/** Why nothing can be changed, when nothing can. */
const noticeOf = (b: Booking, cancelled: boolean): string | undefined => {
  if (b.conference.status === 'cancelled')
    return 'This event has been cancelled. You do not need to do anything.';
  if (b.registration.erasedAt) return 'This booking was cancelled and your details have been deleted.';
  if (cancelled)
    return 'You no longer have a place at this event. If you change your mind, you can register again.';
  if (b.registration.status === 'rejected') return 'We could not book you a place at this event.';
  if (!b.changesOpen) return 'This event has finished, so the booking can no longer be changed.';
  return undefined;
};

/**
 * Everything the manage page shows of a booking, as words: the status, the delegate's day with their
 * place on each waiting list, date and venue, the check-in code (as text and as a QR code), and the
 * actions still open to them.
 */
export const bookingView = (
  b: Booking,
  token: string,
  done?: { readonly what: 'sessions' | 'cancelled'; readonly since: number },
) => {
  const r = b.registration;
  const c = b.conference;
  const links = bookingLinks(r.registrationId, token);
  const cancelling = done?.what === 'cancelled';
  const cancelled = cancelling || r.status === 'cancelled';
  const holding = !cancelled && (r.status === 'confirmed' || r.status === 'waitlisted');
  const open = holding && b.changesOpen && c.status === 'published';
  const rows: Row[] = [
    { key: { text: 'Status' }, value: { text: statusOf(b, cancelling) } },
    ...(r.delegate ? [{ key: { text: 'Name' }, value: { text: r.delegate.name } }] : []),
    ...(r.delegate ? [{ key: { text: 'Email address' }, value: { text: r.delegate.email } }] : []),
    {
      key: { text: 'Date' },
      value: {
        text: [
          formatRangeForUk(new Date(c.startsAt), new Date(c.endsAt), c.timezone),
          timezoneNote(c.timezone, new Date(c.startsAt)),
        ]
          .filter(Boolean)
          .join('. '),
      },
    },
    { key: { text: 'Venue' }, value: { text: venueOf(c) } },
    ...(b.checkInCode && !cancelled
      ? [{ key: { text: 'Check-in code' }, value: { text: b.checkInCode } }]
      : []),
  ];
  const day = cancelled
    ? []
    : b.day.map((entry) => ({
        title: entry.session.title,
        when: formatRangeForUk(new Date(entry.session.startsAt), new Date(entry.session.endsAt), c.timezone),
        place:
          entry.status === 'confirmed'
            ? entry.chosen
              ? 'Booked'
              : 'Open to everyone at the event'
            : r.status === 'confirmed'
              ? waitingWords(entry.waitingPosition)
              : 'Waiting for a place at the event',
      }));
  return {
    title: 'Your booking',
    serviceName: c.title,
    serviceUrl: `/events/${encodeURIComponent(c.eventId)}`,
    banner: bannerOf(r, done),
    rows,
    showCheckInHint: Boolean(b.checkInCode) && !cancelled,
    // The same code as a QR code for the desk's scanner, drawn inline (no image request).
    checkInQr:
      b.checkInCode && !cancelled ? { ...checkInQrOutline(b.checkInCode), code: b.checkInCode } : undefined,
    day,
    notice: noticeOf(b, cancelled),
    // Where a cancelled delegate can book again, while the event still takes registrations.
    registerAgainUrl:
      cancelled && !b.registration.erasedAt && c.status === 'published' && b.changesOpen
        ? `/events/${encodeURIComponent(c.eventId)}#register-heading`
        : undefined,
    calendarUrl:
      r.status === 'confirmed' && !cancelled && c.status === 'published' && b.changesOpen
        ? links.calendar
        : undefined,
    changeUrl: open && c.sessions.some((s) => s.capacity !== undefined) ? links.change : undefined,
    cancelUrl: open ? links.cancel : undefined,
    refreshUrl: done ? links.done(done.what, done.since) : links.manage,
    contact: c.contact,
  };
};
