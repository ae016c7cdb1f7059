import * as z from '../zod';
import { WALL_CLOCK } from '../domain/wall-clock';

/** When something of an event's happens: wall-clock in the event's zone, or an instant with an offset. */
export const eventTime = z
  .union([z.string().check(z.regex(WALL_CLOCK)), z.iso.datetime({ offset: true })], {
    error:
      "Expected a wall-clock time in the event's zone like 2027-01-07T09:00, or an instant with an offset like 2027-01-07T09:00:00Z",
  })
  .check(
    z.describe("Wall-clock in the event's time zone (`2027-01-07T09:00`) or an ISO instant with an offset"),
  );

/** The wall-clock reading of an answer's instant, in the event's zone. */
export const localTime = z.string().check(z.describe("The same time as wall-clock in the event's time zone"));
