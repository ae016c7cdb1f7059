import type { RegistrationMessageInput } from '../../../shared/mail/registration-message';

export const organiser = { name: 'Convene Events', email: 'events@convene.example' };

export const UK_DATE_LINE = 'Thursday 1 April 2027, 09:00 to 16:30';
export const MANAGE_URL = 'https://convene.example/registrations/01JREG0000000000000000000?token=tok.en-123';

/** A one-day event in London, 09:00 to 16:30 UK time, with one booked and one waitlisted session. */
export const aRegistration = (
  overrides: Partial<RegistrationMessageInput> = {},
): RegistrationMessageInput => ({
  kind: 'confirmed',
  registrationId: '01JREG0000000000000000000',
  delegate: { name: 'Siân Jones', email: 'sian@example.com' },
  event: {
    eventId: '01JEVT0000000000000000000',
    title: 'Primary Science Conference',
    timezone: 'Europe/London',
    startsAt: '2027-04-01T08:00:00.000Z',
    endsAt: '2027-04-01T15:30:00.000Z',
    venue: { name: 'Assembly Rooms', address: '54 George Street, Edinburgh' },
  },
  sessions: [
    {
      sessionId: 's-waiting',
      title: 'Rockets in the Playground',
      startsAt: '2027-04-01T13:00:00.000Z',
      endsAt: '2027-04-01T14:00:00.000Z',
      status: 'waitlisted',
    },
    {
      sessionId: 's-booked',
      title: 'Teaching Forces with Marbles',
      startsAt: '2027-04-01T09:00:00.000Z',
      endsAt: '2027-04-01T10:00:00.000Z',
      status: 'confirmed',
    },
  ],
  manageUrl: MANAGE_URL,
  eventPlace: 'confirmed',
  sequence: 1,
  ...overrides,
});

/** iCalendar content lines with folding undone (RFC 5545 3.1: CRLF followed by a space or tab). */
export const icsLines = (ics: string): string[] => ics.replace(/\r\n[ \t]/g, '').split('\r\n');
