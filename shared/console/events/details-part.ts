import type { PageErrors } from '../../pages/form-errors';
import {
  DEFAULT_TIMEZONE,
  detailsProblems,
  detailsRequest,
  detailsRules,
  detailsValuesOf,
  readDetailsValues,
  type DetailsValues,
} from './details-form';
import { errorOf, type PartForm } from './part-form';
import { timeProblemsBeside } from './time-problems';

/** Every IANA zone this runtime knows, the event's usual one first. */
const zones = [DEFAULT_TIMEZONE, ...Intl.supportedValuesOf('timeZone').filter((z) => z !== DEFAULT_TIMEZONE)];

/** The details fields' values and errors as the template's macros take them (create and edit alike). */
export const detailsFields = (values: DetailsValues, errors: PageErrors) => ({
  title: { value: values.title, error: errorOf(errors, 'title') },
  venueName: { value: values.venueName, error: errorOf(errors, 'venueName') },
  venueAddress: { value: values.venueAddress, error: errorOf(errors, 'venueAddress') },
  timezone: {
    items: (zones.includes(values.timezone) || values.timezone === ''
      ? zones
      : [values.timezone, ...zones]
    ).map((zone) => ({ value: zone, text: zone.replace(/_/g, ' '), selected: zone === values.timezone })),
    error: errorOf(errors, 'timezone'),
  },
  startDate: { values: values.startDate, error: errorOf(errors, 'startsAt-day') },
  startTime: { value: values.startTime, error: errorOf(errors, 'startsAt-time') },
  endDate: { values: values.endDate, error: errorOf(errors, 'endsAt-day') },
  endTime: { value: values.endTime, error: errorOf(errors, 'endsAt-time') },
  capacity: { value: values.capacity, error: errorOf(errors, 'capacity') },
  contactName: { value: values.contactName, error: errorOf(errors, 'contactName') },
  contactEmail: { value: values.contactEmail, error: errorOf(errors, 'contactEmail') },
  ignoreEmailTags: { checked: values.ignoreEmailTags },
});

/** The event's own details: title, venue, zone, start and end, places, contact. */
export const detailsPart: PartForm<DetailsValues> = {
  stored: detailsValuesOf,
  read: readDetailsValues,
  request: (values, view) => {
    const body = detailsRequest(values, { hasContact: view.contact !== undefined });
    return {
      body,
      rules: (places) => detailsRules(values, places),
      problems: (found) => detailsProblems(values, found),
      fallbackId: 'title',
      besides: (refused, now) =>
        timeProblemsBeside(
          body,
          refused,
          now,
          body.startsAt !== view.startsAt || body.timezone !== view.timezone,
        ),
    };
  },
  model: (values, errors, view) => ({
    fields: detailsFields(values, errors),
    contactKept: view.contact !== undefined,
  }),
};
