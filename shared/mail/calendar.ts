import { calendarText, calendarUtc, writeCalendar, type ContentLine } from './icalendar';
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

/** The VCALENDAR text (CRLF lines) for one registration, in UTC. */
export const buildRegistrationCalendar = (input: RegistrationCalendarInput): string => {
  // Line breaks in the description are kept (written as \n); anything else that could end a content line
  // is not.
  const description = input.description
    .split(/\r\n|\n|\r/)
    .map(singleLine)
    .join('\n');
  const event: ContentLine[] = [
    { name: 'UID', value: calendarText(registrationUid(input.registrationId)) },
    { name: 'SUMMARY', value: calendarText(singleLine(input.title)) },
    { name: 'DTSTAMP', value: calendarUtc(input.stamp) },
    { name: 'DTSTART', value: calendarUtc(input.startsAt) },
    { name: 'DTEND', value: calendarUtc(input.endsAt) },
    { name: 'SEQUENCE', value: String(input.sequence) },
    { name: 'DESCRIPTION', value: calendarText(description) },
    { name: 'URL', value: singleLine(input.url) },
    { name: 'LOCATION', value: calendarText(singleLine(input.location)) },
    { name: 'STATUS', value: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED' },
    {
      name: 'ORGANIZER',
      params: { CN: singleLine(input.organiser.name) },
      value: `MAILTO:${singleLine(input.organiser.email)}`,
    },
    {
      name: 'ATTENDEE',
      params: {
        // The delegate booked through Convene: the invite records that, it does not ask them to reply.
        RSVP: false,
        ROLE: 'REQ-PARTICIPANT',
        ...(input.method === 'REQUEST' ? { PARTSTAT: 'ACCEPTED' } : {}),
        CN: singleLine(input.attendee.name),
      },
      value: `mailto:${singleLine(input.attendee.email)}`,
    },
  ];
  return writeCalendar({ productId: '-//Convene//Registrations//EN', method: input.method, events: [event] });
};
