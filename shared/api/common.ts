import * as z from '../zod';
import { TIME_OF_DAY, WALL_CLOCK } from '../domain/wall-clock';

/** Bounded strings: no field may carry an unbounded payload into the table or a mail. */
export const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
export const wallClock = z
  .string()
  .check(z.regex(WALL_CLOCK, 'Expected a wall-clock time like 2027-04-01T09:00'));
export const timeOfDay = z.string().check(z.regex(TIME_OF_DAY, 'Expected a time of day like 09:00'));
export const pathId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id'));

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .check(z.meta({ id: 'Error' }));
export type ErrorBody = z.infer<typeof errorBody>;
