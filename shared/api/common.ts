import * as z from 'zod';
import { TIME_OF_DAY, WALL_CLOCK } from '../domain/wall-clock';

/** Bounded strings: no field may carry an unbounded payload into the table or a mail. */
export const text = (max: number) => z.string().trim().min(1).max(max);
export const wallClock = z.string().regex(WALL_CLOCK, 'Expected a wall-clock time like 2027-04-01T09:00');
export const timeOfDay = z.string().regex(TIME_OF_DAY, 'Expected a time of day like 09:00');
export const pathId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

export const errorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBody>;
