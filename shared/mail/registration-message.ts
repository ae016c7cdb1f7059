import Handlebars from 'handlebars';
import { now } from '../clock';
import { formatRangeForUk, isValidZone, timezoneNote } from '../domain/wall-clock';
import { bookingInvite } from './booking-invite';
import type { CalendarMethod } from './calendar';
import type { InlineImage } from './check-in-qr';
import {
  htmlLayout,
  intros,
  textLayout,
  type IntroKey,
  type RegistrationView,
  type SessionView,
} from './registration-templates';
import { singleLine } from './single-line';

export type RegistrationMessageKind = 'confirmed' | 'waitlisted' | 'promoted' | 'cancelled';

export interface RegistrationMessageInput {
  readonly kind: RegistrationMessageKind;
  readonly registrationId: string;
  readonly delegate: { readonly name: string; readonly email: string };
  readonly event: {
    readonly eventId: string;
    readonly title: string;
    readonly timezone: string;
    /** UTC ISO instants. */
    readonly startsAt: string;
    readonly endsAt: string;
    readonly venue: { readonly name: string; readonly address?: string };
  };
  /** The delegate's day (sessions open to all and their choices) with their status; empty when none. */
  readonly sessions: readonly {
    readonly sessionId: string;
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly status: 'confirmed' | 'waitlisted';
  }[];
  /** `${PUBLIC_URL}/registrations/${registrationId}?token=${token}` */
  readonly manageUrl: string;
  /** The short code the delegate shows at the door; given while they hold a place. */
  readonly checkInCode?: string;
  /** The code's QR image (check-in-qr.ts), shown with the code and sent inline with the mail. */
  readonly checkInQr?: InlineImage;
  /** Whether the delegate holds an event place (false when waitlisted for the event itself). */
  readonly eventPlace: 'confirmed' | 'waitlisted' | 'cancelled';
  /** Grows with each change, so a calendar replaces the earlier invite (iCalendar SEQUENCE). */
  readonly sequence: number;
}

export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly calendar?: { readonly method: CalendarMethod; readonly content: string };
  /** The images the HTML shows by `cid:`, to be sent inline with it. */
  readonly images?: readonly InlineImage[];
}

export interface Organiser {
  readonly name: string;
  readonly email: string;
}

export interface RenderOptions {
  /** The calendar's DTSTAMP; Convene's clock when not given. */
  readonly now?: Date;
}

// An isolated environment: nothing registered globally by other code can change these templates.
const hbs = Handlebars.create();
// strict: a field missing from the view throws instead of rendering as nothing; knownHelpersOnly: the
// templates can call the built-in helpers (if, each) and nothing else.
const htmlOptions = { strict: true, knownHelpersOnly: true } as const;
const textOptions = { ...htmlOptions, noEscape: true } as const;

const templates = {
  html: hbs.compile<RegistrationView>(htmlLayout, htmlOptions),
  text: hbs.compile<RegistrationView>(textLayout, textOptions),
  intros: Object.fromEntries(
    Object.entries(intros).map(([key, intro]) => [
      key,
      { html: hbs.compile(intro.html, htmlOptions), text: hbs.compile(intro.text, textOptions) },
    ]),
  ) as Record<IntroKey, { html: Handlebars.TemplateDelegate; text: Handlebars.TemplateDelegate }>,
};

const headings: Record<IntroKey, string> = {
  confirmed: "You're booked",
  eventWaitlisted: "You're on the waiting list",
  sessionsWaitlisted: "You're on the waiting list",
  promoted: 'A place has come up',
  cancelled: 'Your place is cancelled',
};

const subjectPrefixes: Record<RegistrationMessageKind, string> = {
  confirmed: "You're booked",
  waitlisted: "You're on the waiting list",
  promoted: 'A place has come up',
  cancelled: 'Your place is cancelled',
};

/** The event places each kind of message can describe; anything else is a caller's mistake. */
const placesFor: Record<RegistrationMessageKind, readonly RegistrationMessageInput['eventPlace'][]> = {
  confirmed: ['confirmed'],
  promoted: ['confirmed'],
  waitlisted: ['waitlisted', 'confirmed'],
  cancelled: ['cancelled'],
};

const instant = (iso: string, field: string): Date => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`${field} is not an ISO instant: ${iso}`);
  return date;
};

const checkInput = (input: RegistrationMessageInput): void => {
  if (!placesFor[input.kind].includes(input.eventPlace)) {
    throw new Error(`A '${input.kind}' message cannot describe an event place that is '${input.eventPlace}'`);
  }
  if (!isValidZone(input.event.timezone)) throw new Error(`Unknown time zone: ${input.event.timezone}`);
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new Error(`sequence must be a whole number of 0 or more, not ${input.sequence}`);
  }
  // The link goes into an href: only a web address, never javascript: or data:.
  const protocol = URL.canParse(input.manageUrl) ? new URL(input.manageUrl).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`manageUrl must be an http(s) URL: ${input.manageUrl}`);
  }
};

const introFor = (input: RegistrationMessageInput): IntroKey => {
  if (input.kind === 'waitlisted')
    return input.eventPlace === 'waitlisted' ? 'eventWaitlisted' : 'sessionsWaitlisted';
  return input.kind;
};

const calendarMethodFor = (kind: RegistrationMessageKind): CalendarMethod | undefined =>
  kind === 'confirmed' || kind === 'promoted' ? 'REQUEST' : kind === 'cancelled' ? 'CANCEL' : undefined;

const byStart = (a: { startsAt: string }, b: { startsAt: string }): number =>
  instant(a.startsAt, 'session startsAt').getTime() - instant(b.startsAt, 'session startsAt').getTime();

/**
 * The subject, text and HTML of a registration email, and its calendar invite for confirmed, promoted
 * (METHOD:REQUEST) and cancelled (METHOD:CANCEL) messages. Pure apart from reading the clock for DTSTAMP.
 */
export function renderRegistrationMessage(
  input: RegistrationMessageInput,
  organiser: Organiser,
  options: RenderOptions = {},
): RenderedMessage {
  checkInput(input);
  const zone = input.event.timezone;
  const startsAt = instant(input.event.startsAt, 'event.startsAt');
  const endsAt = instant(input.event.endsAt, 'event.endsAt');
  const eventTitle = singleLine(input.event.title);
  const introKey = introFor(input);
  const calendarMethod = calendarMethodFor(input.kind);

  const sessionView = (session: RegistrationMessageInput['sessions'][number]): SessionView => ({
    title: singleLine(session.title),
    when: formatRangeForUk(
      instant(session.startsAt, 'session startsAt'),
      instant(session.endsAt, 'session endsAt'),
      zone,
    ),
  });
  const sessions = [...input.sessions].sort(byStart);
  const booked = sessions.filter((s) => s.status === 'confirmed').map(sessionView);
  const waiting = sessions.filter((s) => s.status === 'waitlisted').map(sessionView);

  const subject = `${subjectPrefixes[input.kind]}: ${eventTitle}`;
  const code = calendarMethod === 'REQUEST' ? input.checkInCode : undefined;
  const qr = code ? input.checkInQr : undefined;
  const venueName = singleLine(input.event.venue.name);
  const venueAddress = input.event.venue.address ? singleLine(input.event.venue.address) : '';
  const view: RegistrationView = {
    subject,
    heading: headings[introKey],
    delegateName: singleLine(input.delegate.name),
    eventTitle,
    when: formatRangeForUk(startsAt, endsAt, zone),
    timezoneNote: timezoneNote(zone, startsAt),
    venueName,
    venueAddress: venueAddress || null,
    // A cancelled registration holds no sessions: listing them would read as still booked.
    showSessions: input.kind !== 'cancelled',
    booked,
    waiting,
    hasBooked: booked.length > 0,
    hasWaiting: waiting.length > 0,
    hasCalendar: calendarMethod !== undefined,
    manageUrl: input.manageUrl,
    // Only with the place: a cancelled or waiting delegate has nothing to show at the door.
    checkInCode: code ? singleLine(code) : null,
    checkInQr: qr ? { src: `cid:${qr.cid}`, width: qr.width } : null,
    manageLabel: input.kind === 'cancelled' ? 'View your registration' : 'Manage your registration',
    organiserName: singleLine(organiser.name),
    organiserEmail: singleLine(organiser.email),
  };

  const intro = templates.intros[introKey];
  const html = templates.html(view, { partials: { intro: intro.html } });
  // Optional lines leave blank runs behind in the text part; one blank line is enough.
  const text = templates.text(view, { partials: { intro: intro.text } }).replace(/\n{3,}/g, '\n\n');

  const images = qr ? { images: [qr] } : {};
  if (!calendarMethod) return { subject, text, html, ...images };
  const content = bookingInvite({
    method: calendarMethod,
    registrationId: input.registrationId,
    sequence: input.sequence,
    eventTitle,
    startsAt,
    endsAt,
    venueName,
    venueAddress,
    lead:
      calendarMethod === 'CANCEL' ? 'Your place is cancelled.' : `Your place at ${eventTitle} is confirmed.`,
    booked,
    checkInCode: view.checkInCode,
    manageLabel: view.manageLabel,
    manageUrl: input.manageUrl,
    organiser,
    delegate: input.delegate,
    stamp: options.now ?? now(),
  });
  return { subject, text, html, calendar: { method: calendarMethod, content }, ...images };
}
