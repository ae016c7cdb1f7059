import { createEvent, type EventAttributes } from 'ics';
import { singleLine } from './single-line';

export type CalendarMethod = 'REQUEST' | 'CANCEL';

export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

export interface RegistrationCalendarInput {
  readonly method: CalendarMethod;
  readonly registrationId: string;
  /** iCalendar SEQUENCE: a calendar keeps the entry with the highest one for a UID. */
  readonly sequence: number;
  readonly title: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly location: string;
  readonly description: string;
  readonly url: string;
  readonly organiser: CalendarPerson;
  readonly attendee: CalendarPerson;
  /** DTSTAMP: when this version of the invite was made. */
  readonly stamp: Date;
}

/** One UID per registration, so every later invite or cancellation updates the same calendar entry. */
export const registrationUid = (registrationId: string): string => `${registrationId}@convene`;

/**
 * A CN parameter value. `ics` quotes it but escapes `"` as `\"`, which RFC 5545 does not allow inside a
 * quoted parameter, so quotes become apostrophes; control characters would end the content line.
 */
const paramText = (value: string): string => singleLine(value).replaceAll('"', "'");

/** The VCALENDAR text (CRLF lines) for one registration, built by `ics` in UTC. */
export const buildRegistrationCalendar = (input: RegistrationCalendarInput): string => {
  const attributes: EventAttributes & { timestamp: number } = {
    productId: '-//Convene//Registrations//EN',
    method: input.method,
    uid: registrationUid(input.registrationId),
    sequence: input.sequence,
    timestamp: input.stamp.getTime(),
    // Millisecond instants are written in UTC (DTSTART:20270401T080000Z): no VTIMEZONE to get wrong.
    start: input.startsAt.getTime(),
    end: input.endsAt.getTime(),
    title: singleLine(input.title),
    location: singleLine(input.location),
    // Line breaks are kept (ics writes them as \n); anything else that could end a content line is not.
    description: input.description
      .split(/\r\n|\n|\r/)
      .map(singleLine)
      .join('\n'),
    url: input.url,
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: paramText(input.organiser.name), email: singleLine(input.organiser.email) },
    attendees: [
      {
        name: paramText(input.attendee.name),
        email: singleLine(input.attendee.email),
        role: 'REQ-PARTICIPANT',
        // The delegate booked through Convene: the invite records that, it does not ask them to reply.
        rsvp: false,
        ...(input.method === 'REQUEST' ? { partstat: 'ACCEPTED' as const } : {}),
      },
    ],
  };
  const { error, value } = createEvent(attributes);
  if (error || !value)
    throw new Error(`Could not build the calendar invite: ${error?.message ?? 'no output'}`);
  return value;
};
