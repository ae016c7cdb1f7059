import * as z from '../zod';

/**
 * `?token=` of the unsubscribe link. Other query parameters (a mail client's tracking additions) are
 * ignored; a missing or bad token is answered by the use case, as a page or an error, never a 5xx.
 */
export const unsubscribeQuery = z.object({ token: z.optional(z.string()) });

/** RFC 8058 one-click: the body is `List-Unsubscribe=One-Click`, form-encoded; a form's button sends none. */
export const unsubscribeForm = z
  .strictObject({ 'List-Unsubscribe': z.optional(z.literal('One-Click')) })
  .check(z.meta({ id: 'UnsubscribeForm' }));

export const unsubscribeResponse = z
  .object({ status: z.literal('unsubscribed') })
  .check(z.meta({ id: 'UnsubscribeResponse' }));
