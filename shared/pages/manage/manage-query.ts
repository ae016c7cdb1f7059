import * as z from '../../zod';

/**
 * What a booking's page reads from its address: the manage link's token, the step (the change form, the
 * "are you sure" of a cancellation) and, after a form post, what was done since which version. A value
 * it does not know is ignored rather than refused, so a JSON client's answer never depends on it.
 */
export const manageQuery = z.object({
  token: z.catch(z.optional(z.string().check(z.minLength(1), z.maxLength(1024))), undefined),
  step: z.catch(z.optional(z.enum(['change', 'cancel'])), undefined),
  done: z.catch(z.optional(z.enum(['sessions', 'cancelled'])), undefined),
  since: z.catch(z.optional(z.coerce.number().check(z.int(), z.gte(0))), undefined),
});
export type ManageQuery = z.infer<typeof manageQuery>;

/** The calendar download's address carries the manage token as the manage page does. */
export const calendarQuery = z.object({ token: z.string().check(z.minLength(1), z.maxLength(1024)) });
