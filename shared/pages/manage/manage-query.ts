import * as z from 'zod';

/**
 * What a booking's page reads from its address: the manage link's token, the step (the change form, the
 * "are you sure" of a cancellation) and, after a form post, what was done since which version. A value
 * it does not know is ignored rather than refused, so a JSON client's answer never depends on it.
 */
export const manageQuery = z.object({
  token: z.string().min(1).max(1024).optional().catch(undefined),
  step: z.enum(['change', 'cancel']).optional().catch(undefined),
  done: z.enum(['sessions', 'cancelled']).optional().catch(undefined),
  since: z.coerce.number().int().min(0).optional().catch(undefined),
});
export type ManageQuery = z.infer<typeof manageQuery>;

/** The calendar download's address carries the manage token as the manage page does. */
export const calendarQuery = z.object({ token: z.string().min(1).max(1024) });
