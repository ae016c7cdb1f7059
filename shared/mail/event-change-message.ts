import Handlebars from 'handlebars';
import type { EventChange } from '../../events/event-change';
import { now } from '../clock';
import { formatRangeForUk, isValidZone, timezoneNote } from '../domain/wall-clock';
import { bookingInvite } from './booking-invite';
import {
  eventChangeHtml,
  eventChangeText,
  type ChangeLineView,
  type EventChangeView,
} from './event-change-templates';
import type { Organiser, RenderedMessage } from './registration-message';
import { singleLine } from './single-line';

export interface EventChangeMessageInput {
  /** `changed` tells what changed with an updated invite; `cancelled` sends the invite's cancellation. */
  readonly kind: 'changed' | 'cancelled';
  readonly registrationId: string;
  readonly delegate: { readonly name: string; readonly email: string };
  readonly event: {
    readonly title: string;
    readonly timezone: string;
    /** UTC ISO instants. */
    readonly startsAt: string;
    readonly endsAt: string;
    readonly venue: { readonly name: string; readonly address?: string };
  };
  /** What changed, already narrowed to what concerns this delegate; empty for a cancellation. */
  readonly changes: readonly EventChange[];
  /** The delegate's day as it is now. */
  readonly sessions: readonly {
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly status: 'confirmed' | 'waitlisted';
  }[];
  readonly manageUrl: string;
  /** Only a delegate with a place has the event in their calendar: the others get no invite. */
  readonly hasPlace: boolean;
  /** iCalendar SEQUENCE, above every one sent before for the registration's UID. */
  readonly sequence: number;
}

const hbs = Handlebars.create();
const htmlOptions = { strict: true, knownHelpersOnly: true } as const;
const templates = {
  html: hbs.compile<EventChangeView>(eventChangeHtml, htmlOptions),
  text: hbs.compile<EventChangeView>(eventChangeText, { ...htmlOptions, noEscape: true }),
};

const span = (s: { startsAt: string; endsAt: string; timezone: string }): string =>
  formatRangeForUk(new Date(s.startsAt), new Date(s.endsAt), s.timezone);

const place = (v: { name: string; address?: string }): string =>
  singleLine(v.address ? `${v.name}, ${v.address}` : v.name);

/** One change as a reader sees it: dates and times in the event's zone, UK style. */
const lineOf = (change: EventChange): ChangeLineView => {
  switch (change.what) {
    case 'times':
      return { label: 'Date and times', before: span(change.before), after: span(change.after) };
    case 'venue':
      return { label: 'Venue', before: place(change.before), after: place(change.after) };
    case 'session':
      return { label: singleLine(change.title), before: span(change.before), after: span(change.after) };
  }
};

const checkInput = (input: EventChangeMessageInput): void => {
  if (!isValidZone(input.event.timezone)) throw new Error(`Unknown time zone: ${input.event.timezone}`);
  const protocol = URL.canParse(input.manageUrl) ? new URL(input.manageUrl).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new Error(`manageUrl must be an http(s) URL: ${input.manageUrl}`);
  if (input.kind === 'changed' && input.changes.length === 0)
    throw new Error('A change mail needs at least one change to tell');
};

/**
 * The mail telling a delegate their event changed (what, before and after, and the day as it is now,
 * with an updated invite under the same UID) or was cancelled (with the invite's cancellation).
 */
export function renderEventChangeMessage(
  input: EventChangeMessageInput,
  organiser: Organiser,
  options: { readonly now?: Date } = {},
): RenderedMessage {
  checkInput(input);
  const zone = input.event.timezone;
  const startsAt = new Date(input.event.startsAt);
  const endsAt = new Date(input.event.endsAt);
  const eventTitle = singleLine(input.event.title);
  const cancelled = input.kind === 'cancelled';
  const subject = cancelled ? `Cancelled: ${eventTitle}` : `${eventTitle} has changed`;
  const sessionView = (s: EventChangeMessageInput['sessions'][number]) => ({
    title: singleLine(s.title),
    when: formatRangeForUk(new Date(s.startsAt), new Date(s.endsAt), zone),
  });
  const booked = input.sessions.filter((s) => s.status === 'confirmed').map(sessionView);
  const waiting = input.sessions.filter((s) => s.status === 'waitlisted').map(sessionView);
  const venueName = singleLine(input.event.venue.name);
  const venueAddress = input.event.venue.address ? singleLine(input.event.venue.address) : '';
  const view: EventChangeView = {
    subject,
    heading: cancelled ? 'The event is cancelled' : 'The event has changed',
    delegateName: singleLine(input.delegate.name),
    eventTitle,
    cancelled,
    changes: input.changes.map(lineOf),
    when: formatRangeForUk(startsAt, endsAt, zone),
    timezoneNote: timezoneNote(zone, startsAt),
    venueName,
    venueAddress: venueAddress || null,
    booked,
    waiting,
    hasBooked: booked.length > 0,
    hasWaiting: waiting.length > 0,
    hasCalendar: input.hasPlace,
    manageUrl: input.manageUrl,
    organiserName: singleLine(organiser.name),
    organiserEmail: singleLine(organiser.email),
  };
  const html = templates.html(view);
  const text = templates.text(view).replace(/\n{3,}/g, '\n\n');
  if (!input.hasPlace) return { subject, text, html };
  const method = cancelled ? 'CANCEL' : 'REQUEST';
  const content = bookingInvite({
    method,
    registrationId: input.registrationId,
    sequence: input.sequence,
    eventTitle,
    startsAt,
    endsAt,
    venueName,
    venueAddress,
    lead: cancelled ? `${eventTitle} has been cancelled.` : `Your place at ${eventTitle} is confirmed.`,
    booked,
    manageLabel: 'View your registration',
    manageUrl: input.manageUrl,
    organiser,
    delegate: input.delegate,
    stamp: options.now ?? now(),
  });
  return { subject, text, html, calendar: { method, content } };
}
