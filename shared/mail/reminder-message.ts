import Handlebars from 'handlebars';
import { now } from '../clock';
import {
  calendarDaysIn,
  formatDayForUk,
  formatRangeForUk,
  isValidZone,
  timezoneNote,
} from '../domain/wall-clock';
import {
  reminderHtml,
  reminderText,
  type ReminderSessionView,
  type ReminderView,
} from './reminder-templates';
import { singleLine } from './single-line';

export interface ReminderMessageInput {
  readonly delegate: { readonly name: string };
  readonly event: {
    readonly title: string;
    readonly timezone: string;
    /** UTC ISO instants. */
    readonly startsAt: string;
    readonly endsAt: string;
    readonly venue: { readonly name: string; readonly address?: string };
  };
  /** The plan step's own words, when the organiser gave them. */
  readonly step: { readonly subject?: string; readonly text?: string };
  /** The delegate's day (sessions open to all and their choices) with their status; empty when none. */
  readonly sessions: readonly {
    readonly title: string;
    readonly startsAt: string;
    readonly endsAt: string;
    readonly status: 'confirmed' | 'waitlisted';
  }[];
  /** `${PUBLIC_URL}/registrations/${registrationId}?token=${token}` */
  readonly manageUrl: string;
}

export interface RenderedReminder {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface ReminderRenderOptions {
  /** When the mail is read as sent, for "tomorrow"; Convene's clock when not given. */
  readonly now?: Date;
}

// An isolated environment; strict: a field missing from the view throws; knownHelpersOnly: the
// templates can call the built-in helpers (if, unless, each) and nothing else.
const hbs = Handlebars.create();
const htmlOptions = { strict: true, knownHelpersOnly: true } as const;
const templates = {
  html: hbs.compile<ReminderView>(reminderHtml, htmlOptions),
  text: hbs.compile<ReminderView>(reminderText, { ...htmlOptions, noEscape: true }),
};

const instant = (iso: string, field: string): Date => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`${field} is not an ISO instant: ${iso}`);
  return date;
};

const checkInput = (input: ReminderMessageInput): void => {
  if (!isValidZone(input.event.timezone)) throw new Error(`Unknown time zone: ${input.event.timezone}`);
  // The link goes into an href: only a web address, never javascript: or data:.
  const protocol = URL.canParse(input.manageUrl) ? new URL(input.manageUrl).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:') {
    throw new Error(`manageUrl must be an http(s) URL: ${input.manageUrl}`);
  }
};

/** "today", "tomorrow", "in 5 days" by the calendar of the event's zone; further off, the date itself. */
const relativeDay = (startsAt: Date, zone: string, at: Date): string => {
  const days = calendarDaysIn(at, startsAt, zone);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days > 1 && days <= 14) return `in ${days} days`;
  return `on ${formatDayForUk(startsAt, zone)}`;
};

/** The organiser's text as lines (control characters gone), paragraphs split at blank lines. */
const organiserLines = (text: string | undefined): string[] =>
  (text ?? '').replace(/\r\n?/g, '\n').split('\n').map(singleLine).join('\n').trim().split('\n');

const paragraphsOf = (lines: readonly string[]): string[][] => {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
};

/**
 * The subject, text and HTML of a reminder: the organiser's subject and text for the step (or a plain
 * default), then the practical details of the day, the delegate's sessions and the manage link.
 * Pure apart from reading the clock for "tomorrow".
 */
export function renderReminderMessage(
  input: ReminderMessageInput,
  organiser: { readonly name: string; readonly email: string },
  options: ReminderRenderOptions = {},
): RenderedReminder {
  checkInput(input);
  const zone = input.event.timezone;
  const startsAt = instant(input.event.startsAt, 'event.startsAt');
  const endsAt = instant(input.event.endsAt, 'event.endsAt');
  const eventTitle = singleLine(input.event.title);
  const ownSubject = input.step.subject ? singleLine(input.step.subject) : '';
  const day = formatDayForUk(startsAt, zone, false);
  const subject = ownSubject || `Reminder: ${eventTitle} on ${day}`;

  const sessionView = (s: ReminderMessageInput['sessions'][number]): ReminderSessionView => ({
    title: singleLine(s.title),
    when: formatRangeForUk(
      instant(s.startsAt, 'session startsAt'),
      instant(s.endsAt, 'session endsAt'),
      zone,
    ),
  });
  const sessions = [...input.sessions].sort(
    (a, b) =>
      instant(a.startsAt, 'session startsAt').getTime() - instant(b.startsAt, 'session startsAt').getTime(),
  );
  const booked = sessions.filter((s) => s.status === 'confirmed').map(sessionView);
  const waiting = sessions.filter((s) => s.status === 'waitlisted').map(sessionView);
  const lines = organiserLines(input.step.text);
  const venueAddress = input.event.venue.address ? singleLine(input.event.venue.address) : '';

  const view: ReminderView = {
    subject,
    delegateName: singleLine(input.delegate.name),
    eventTitle,
    relativeDay: relativeDay(startsAt, zone, options.now ?? now()),
    paragraphs: paragraphsOf(lines),
    organiserText: lines.join('\n'),
    hasOrganiserText: lines.join('') !== '',
    when: formatRangeForUk(startsAt, endsAt, zone),
    timezoneNote: timezoneNote(zone, startsAt),
    venueName: singleLine(input.event.venue.name),
    venueAddress: venueAddress || null,
    booked,
    waiting,
    hasBooked: booked.length > 0,
    hasWaiting: waiting.length > 0,
    manageUrl: input.manageUrl,
    organiserName: singleLine(organiser.name),
    organiserEmail: singleLine(organiser.email),
  };
  // Optional lines leave blank runs behind in the text part; one blank line is enough.
  return { subject, text: templates.text(view).replace(/\n{3,}/g, '\n\n'), html: templates.html(view) };
}
