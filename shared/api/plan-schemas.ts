import * as z from '../zod';

const planItem = z
  .object({
    itemId: z
      .string()
      .check(
        z.describe(
          'Stable for the life of the item (moves and edits keep it); the feed builds its UID from it',
        ),
      ),
    kind: z.enum(['reminder', 'campaign', 'survey-invitation', 'survey-reminder', 'post']),
    title: z
      .string()
      .check(z.describe("The reminder's or campaign's subject, the survey mail's purpose, the post's start")),
    state: z
      .enum(['draft', 'scheduled', 'sending', 'sent', 'failed', 'cancelled', 'skipped'])
      .check(
        z.describe(
          'draft: scheduled once the event is published; skipped: its time had passed when it was set, so it never went',
        ),
      ),
    at: z.iso.datetime().check(z.describe('When it goes or went (UTC)')),
    atLocal: z.string().check(z.describe("The same time as wall-clock in the event's zone")),
    sentTo: z
      .optional(z.number().check(z.int()))
      .check(z.describe('Mail that went: delegates it reached (a campaign: sent so far)')),
    failed: z.optional(z.number().check(z.int())).check(z.describe("A campaign's mails that failed")),
    error: z.optional(z.string()).check(z.describe('Why a post failed, as X said it')),
    editUrl: z.string().check(z.describe('The console page that edits it')),
  })
  .check(z.meta({ id: 'PlanItem' }));

/** GET /events/{eventId}/plan. */
export const planView = z
  .object({
    eventId: z.string(),
    title: z.string(),
    timezone: z.string(),
    status: z.enum(['draft', 'published', 'cancelled']),
    items: z.array(planItem).check(z.describe('Soonest first')),
  })
  .check(z.meta({ id: 'CommsPlan' }));

/** POST /events/{eventId}/plan-key. */
export const planFeedView = z
  .object({
    eventId: z.string(),
    feedUrl: z
      .string()
      .check(z.describe('The secret address of the iCalendar feed; the previous one no longer works')),
    createdAt: z.iso.datetime(),
  })
  .check(z.meta({ id: 'PlanFeed' }));

/**
 * GET /events/{eventId}/plan.ics: the feed's key. Missing or wrong, it is the same 404, so nothing is
 * refused as a 400 that a 404 would not say too; other parameters (a calendar's cache-buster) are ignored.
 */
export const planFeedQuery = z.object({
  key: z.catch(z.optional(z.string().check(z.maxLength(200))), undefined),
});
