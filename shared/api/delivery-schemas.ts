import * as z from 'zod';

/**
 * `?token=` of the unsubscribe link. Other query parameters (a mail client's tracking additions) are
 * ignored; a missing or bad token is answered by the use case, as a page or an error, never a 5xx.
 */
export const unsubscribeQuery = z.object({ token: z.string().optional() });

/** RFC 8058 one-click: the body is `List-Unsubscribe=One-Click`, form-encoded; a form's button sends none. */
export const unsubscribeForm = z
  .strictObject({ 'List-Unsubscribe': z.literal('One-Click').optional() })
  .meta({ id: 'UnsubscribeForm' });

export const unsubscribeResponse = z
  .object({ status: z.literal('unsubscribed') })
  .meta({ id: 'UnsubscribeResponse' });
