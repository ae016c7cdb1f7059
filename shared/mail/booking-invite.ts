import { buildRegistrationCalendar, type CalendarMethod, type CalendarPerson } from './calendar';

export interface BookingInviteInput {
  readonly method: CalendarMethod;
  readonly registrationId: string;
  readonly sequence: number;
  readonly eventTitle: string;
  readonly startsAt: Date;
  readonly endsAt: Date;
  readonly venueName: string;
  readonly venueAddress: string | null | undefined;
  /** The description's first line: what this invite says about the place. */
  readonly lead: string;
  /** Listed while the delegate holds a place. */
  readonly booked: readonly { readonly title: string; readonly when: string }[];
  readonly checkInCode?: string | null;
  readonly manageLabel: string;
  readonly manageUrl: string;
  readonly organiser: CalendarPerson;
  readonly delegate: CalendarPerson;
  readonly stamp: Date;
}

/**
 * The calendar entry every mail about a booking attaches (booking, change, cancellation): one UID per
 * registration, so each later invite updates or removes the same entry.
 */
export const bookingInvite = (input: BookingInviteInput): string => {
  const sessions = input.booked.map((s) => `- ${s.title}: ${s.when}`);
  const description = [
    input.lead,
    ...(input.method === 'REQUEST' && sessions.length > 0 ? ['', 'Your sessions:', ...sessions] : []),
    ...(input.checkInCode ? ['', `Check-in code: ${input.checkInCode}`] : []),
    '',
    `${input.manageLabel}: ${input.manageUrl}`,
  ].join('\n');
  return buildRegistrationCalendar({
    method: input.method,
    registrationId: input.registrationId,
    sequence: input.sequence,
    title: input.eventTitle,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    location: input.venueAddress ? `${input.venueName}, ${input.venueAddress}` : input.venueName,
    description,
    url: input.manageUrl,
    organiser: input.organiser,
    attendee: input.delegate,
    stamp: input.stamp,
  });
};
