import { describe, expect, it } from '@jest/globals';
import { createEventRequest } from '../../../shared/api/event-schemas';
import {
  detailsProblems,
  detailsRequest,
  detailsRules,
  newEventValues,
  readDetailsValues,
} from '../../../shared/console/events/details-form';
import { fieldCopyOf } from '../../../shared/console/events/field-rules';
import { timeProblemsBeside } from '../../../shared/console/events/time-problems';
import { problemsOf } from '../../../shared/http/zod-problems';
import { pageErrors } from '../../../shared/pages/form-errors';

const NOW = new Date('2027-01-10T12:00:00Z');

const posted = {
  csrf: 'signed',
  title: 'Trust leaders day',
  venueName: 'Leeds Civic Hall',
  venueAddress: '',
  timezone: 'Europe/London',
  'startsAt-day': '1',
  'startsAt-month': '4',
  'startsAt-year': '2027',
  'startsAt-time': '9:00',
  'endsAt-day': '',
  'endsAt-month': '',
  'endsAt-year': '',
  'endsAt-time': '16:30',
  capacity: '120',
  contactName: '',
  contactEmail: '',
  ignoreEmailTags: 'yes',
};

/** The form's errors as the page shows them: the JSON route's schema, then the domain's time checks. */
const errorsOf = (fields: Record<string, string>) => {
  const values = readDetailsValues(fields);
  const body = detailsRequest(values);
  const parsed = createEventRequest.safeParse(body);
  if (parsed.success) return { summary: [], byField: {} };
  const refused = problemsOf(parsed.error);
  const problems = detailsProblems(values, [...refused, ...timeProblemsBeside(body, refused, NOW)]);
  return pageErrors(problems, fieldCopyOf(detailsRules(values), problems), { id: 'title' });
};

describe('the create form', () => {
  it('gives the body POST /events takes: an end date left blank is the start day, blanks left out', () => {
    const body = detailsRequest(readDetailsValues(posted));

    expect(body).toEqual({
      title: 'Trust leaders day',
      timezone: 'Europe/London',
      startsAt: '2027-04-01T09:00',
      endsAt: '2027-04-01T16:30',
      venue: { name: 'Leeds Civic Hall' },
      capacity: 120,
      ignoreEmailTags: true,
    });
    expect(createEventRequest.safeParse(body).success).toBe(true);
  });

  it('starts in Europe/London, counting jo+tag@ as jo@', () => {
    expect(newEventValues).toMatchObject({ timezone: 'Europe/London', ignoreEmailTags: true });
  });

  it('sends ignoreEmailTags false when the box is unticked (an unticked box is not posted)', () => {
    const { ignoreEmailTags: _ticked, ...unticked } = posted;
    expect(detailsRequest(readDetailsValues(unticked))).toMatchObject({ ignoreEmailTags: false });
  });

  it('sends a contact when one is typed, and a kept one even when blanked (it is refused, not dropped)', () => {
    expect(
      detailsRequest(readDetailsValues({ ...posted, contactName: 'Sam', contactEmail: ' sam@oak.example ' })),
    ).toMatchObject({ contact: { name: 'Sam', email: 'sam@oak.example' } });
    expect(detailsRequest(readDetailsValues(posted), { hasContact: true })).toMatchObject({
      contact: { name: '', email: '' },
    });
  });

  it('shows every problem at once: a missing title beside an end before the start', () => {
    const errors = errorsOf({ ...posted, title: ' ', 'endsAt-time': '08:30' });

    expect(errors.summary).toEqual([
      { text: "Enter the event's title", href: '#title' },
      { text: 'The event must end after it starts', href: '#endsAt-time' },
    ]);
  });

  it('says what is wrong with a date or a time where it is', () => {
    const errors = errorsOf({ ...posted, 'startsAt-month': '', 'startsAt-time': 'nine', capacity: 'lots' });

    expect(errors.byField).toEqual({
      'startsAt-day': 'The date the event starts must include a month',
      capacity: 'Enter the places as a whole number, like 120',
    });
    expect(errorsOf({ ...posted, 'startsAt-time': 'nine' }).byField).toEqual({
      'startsAt-time': 'Enter the time the event starts using the 24-hour clock, like 09:00',
    });
  });

  it('refuses a start in the past and a contact without an address', () => {
    const errors = errorsOf({ ...posted, 'startsAt-year': '2026', 'endsAt-year': '', contactName: 'Sam' });

    expect(errors.byField).toEqual({
      'startsAt-day': 'The event must start in the future',
      contactEmail: "Enter the contact's email address",
    });
  });

  it('says a capacity below the places booked is refused for them', () => {
    const values = readDetailsValues({ ...posted, capacity: '10' });
    const problems = [{ path: 'capacity', message: 'below' }];

    const errors = pageErrors(
      problems,
      fieldCopyOf(detailsRules(values, { taken: 12, belowBookings: true }), problems),
      { id: 'title' },
    );

    expect(errors.byField.capacity).toBe('12 places are booked already: enter 12 or more');
  });
});
