import * as z from '../../zod';

/** The mark on the redirect after the answers were kept, so the page says thank you, not "already answered". */
export const SENT = 'sent';

/** The query of a survey link's page. Anything else (a mail client's tracking) is ignored. */
export const surveyPageQuery = z.object({ [SENT]: z.optional(z.string()) });
