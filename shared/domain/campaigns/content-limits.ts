/**
 * The most characters (UTF-16 code units, as JavaScript and zod count them) in each part of a campaign's
 * content: the JSON route's schema (campaign-schemas.ts) holds a campaign to them, the console says them
 * in words, and the console's form limit is made to hold a campaign at all of them.
 */
export const CAMPAIGN_CONTENT_LIMITS = { subject: 200, text: 15_000, html: 15_000 } as const;
