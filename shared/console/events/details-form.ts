import type { ConferenceView } from '../../domain/conference';
import type { FieldProblem } from '../../domain/errors';
import { type FieldRule, numberMessage, textMessage, wholeNumberOf } from './field-rules';
import {
  blankDate,
  dateProblem,
  fieldsOfWallClock,
  isoDateOf,
  timeOfDayOf,
  wallClockOf,
  type DateFields,
} from './time-fields';

/** Where an event is when nobody says otherwise: Convene's organisers are in England. */
export const DEFAULT_TIMEZONE = 'Europe/London';

/** The details form as typed: the event's own fields, with each time as a date and a time of day. */
export interface DetailsValues {
  readonly title: string;
  readonly venueName: string;
  readonly venueAddress: string;
  readonly timezone: string;
  readonly startDate: DateFields;
  readonly startTime: string;
  /** Left blank, the event ends on the day it starts. */
  readonly endDate: DateFields;
  readonly endTime: string;
  readonly capacity: string;
  readonly contactName: string;
  readonly contactEmail: string;
  /** "jo+anything@" is the same person as "jo@" when checking who has registered (on unless unticked). */
  readonly ignoreEmailTags: boolean;
}

export const newEventValues: DetailsValues = {
  title: '',
  venueName: '',
  venueAddress: '',
  timezone: DEFAULT_TIMEZONE,
  startDate: blankDate,
  startTime: '',
  endDate: blankDate,
  endTime: '',
  capacity: '',
  contactName: '',
  contactEmail: '',
  ignoreEmailTags: true,
};

/** The stored event in the boxes an organiser edits. */
export const detailsValuesOf = (view: ConferenceView): DetailsValues => {
  const start = fieldsOfWallClock(view.startsAt);
  const end = fieldsOfWallClock(view.endsAt);
  return {
    title: view.title,
    venueName: view.venue.name,
    venueAddress: view.venue.address ?? '',
    timezone: view.timezone,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    capacity: String(view.capacity),
    contactName: view.contact?.name ?? '',
    contactEmail: view.contact?.email ?? '',
    ignoreEmailTags: view.ignoreEmailTags,
  };
};

const dateOf = (fields: Readonly<Record<string, string>>, prefix: string): DateFields => ({
  day: fields[`${prefix}-day`] ?? '',
  month: fields[`${prefix}-month`] ?? '',
  year: fields[`${prefix}-year`] ?? '',
});

const isBlank = (date: DateFields): boolean => `${date.day}${date.month}${date.year}`.trim() === '';

export const readDetailsValues = (fields: Readonly<Record<string, string>>): DetailsValues => ({
  title: fields.title ?? '',
  venueName: fields.venueName ?? '',
  venueAddress: fields.venueAddress ?? '',
  timezone: fields.timezone ?? '',
  startDate: dateOf(fields, 'startsAt'),
  startTime: fields['startsAt-time'] ?? '',
  endDate: dateOf(fields, 'endsAt'),
  endTime: fields['endsAt-time'] ?? '',
  capacity: fields.capacity ?? '',
  contactName: fields.contactName ?? '',
  contactEmail: fields.contactEmail ?? '',
  // A checkbox is sent only when ticked.
  ignoreEmailTags: fields.ignoreEmailTags === 'yes',
});

/**
 * The body POST /events (and PATCH /events/{id}) takes, from the form: blank optional fields left out,
 * an end date left blank read as the start's, a contact where one is typed or kept. Unchecked: the
 * caller validates it with the JSON route's own schema.
 */
export const detailsRequest = (
  values: DetailsValues,
  options: { readonly hasContact?: boolean } = {},
): Record<string, unknown> => {
  const startDate = isoDateOf(values.startDate);
  const endDate = isBlank(values.endDate) ? startDate : isoDateOf(values.endDate);
  // An event's contact can be changed but not taken away (the API has no way to remove one): blank
  // boxes are sent as they are, and refused, rather than silently keeping the old contact.
  const contactTyped = options.hasContact || `${values.contactName}${values.contactEmail}`.trim() !== '';
  return {
    title: values.title,
    timezone: values.timezone,
    startsAt: wallClockOf(startDate, values.startTime),
    endsAt: wallClockOf(endDate, values.endTime),
    venue: {
      name: values.venueName,
      ...(values.venueAddress.trim() === '' ? {} : { address: values.venueAddress }),
    },
    capacity: wholeNumberOf(values.capacity),
    ignoreEmailTags: values.ignoreEmailTags,
    ...(contactTyped ? { contact: { name: values.contactName, email: values.contactEmail.trim() } } : {}),
  };
};

/**
 * An end date left blank is the start's, so while the start date does not read neither does the end:
 * that is the start date's problem alone, shown once.
 */
export const detailsProblems = (values: DetailsValues, problems: readonly FieldProblem[]): FieldProblem[] =>
  isBlank(values.endDate) && isoDateOf(values.startDate) === undefined
    ? problems.filter((p) => p.path !== 'endsAt' || timeOfDayOf(values.endTime) === undefined)
    : [...problems];

/** A problem on a start or end goes on its date boxes, unless the date reads and the time does not. */
const timeRules = (
  path: 'startsAt' | 'endsAt',
  date: DateFields,
  time: string,
  words: { date: string; time: string },
  dateOptional: boolean,
): FieldRule => {
  const datePart = dateOptional && isBlank(date) ? undefined : dateProblem(date, words.date);
  const timeBad = timeOfDayOf(time) === undefined;
  // An end date left blank is the start's: a problem with the end is then the end time's.
  const onTime = datePart === undefined && (timeBad || (dateOptional && isBlank(date)));
  return {
    path,
    id: onTime ? `${path}-time` : `${path}-day`,
    say: (problem) => {
      if (datePart) return datePart;
      if (timeBad)
        return time.trim() === ''
          ? `Enter ${words.time}`
          : `Enter ${words.time} using the 24-hour clock, like ${path === 'startsAt' ? '09:00' : '16:30'}`;
      if (/future/.test(problem.message)) return 'The event must start in the future';
      if (/after startsAt/.test(problem.message)) return 'The event must end after it starts';
      if (/does not exist/.test(problem.message))
        return `That time does not exist on that day, because the clocks go forward: choose another time`;
      return problem.message;
    },
  };
};

/**
 * The details form's fields in page order and what to say about each. `belowBookings`: the capacity
 * was refused for being below the `taken` places booked already.
 */
export const detailsRules = (
  values: DetailsValues,
  places: { readonly taken: number; readonly belowBookings: boolean } = { taken: 0, belowBookings: false },
): FieldRule[] => [
  {
    path: 'title',
    id: 'title',
    say: () => textMessage(values.title, "Enter the event's title", 'Title', 200),
  },
  {
    path: 'venue.name',
    id: 'venueName',
    say: () => textMessage(values.venueName, 'Enter the name of the venue', 'Venue name', 200),
  },
  {
    path: 'venue.address',
    id: 'venueAddress',
    say: () => textMessage(values.venueAddress, '', 'Address', 500),
  },
  { path: 'timezone', id: 'timezone', say: () => 'Choose the time zone the event is in' },
  timeRules(
    'startsAt',
    values.startDate,
    values.startTime,
    { date: 'the date the event starts', time: 'the time the event starts' },
    false,
  ),
  timeRules(
    'endsAt',
    values.endDate,
    values.endTime,
    { date: 'the date the event ends', time: 'the time the event ends' },
    true,
  ),
  {
    // Moving the day by part of a day would leave sessions outside it (the API names each one).
    path: 'sessions',
    id: 'startsAt-day',
    say: () =>
      'Some sessions would be outside these times: move the start and end by the same number of whole days, or change the sessions first',
  },
  {
    path: 'capacity',
    id: 'capacity',
    say: () =>
      places.belowBookings
        ? `${places.taken} places are booked already: enter ${places.taken} or more`
        : numberMessage(values.capacity, {
            blank: 'Enter how many places the event has',
            notWhole: 'Enter the places as a whole number, like 120',
            range: 'Enter a number of places from 1 to 100,000',
          }),
  },
  {
    path: 'contact.name',
    id: 'contactName',
    say: () => textMessage(values.contactName, "Enter the contact's name", 'Contact name', 200),
  },
  {
    path: 'contact.email',
    id: 'contactEmail',
    say: () =>
      values.contactEmail.trim() === ''
        ? "Enter the contact's email address"
        : 'Enter an email address in the correct format, like name@example.com',
  },
];
