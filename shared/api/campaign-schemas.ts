import { CAMPAIGN_CONTENT_LIMITS as limits } from '../domain/campaigns/content-limits';
import * as z from '../zod';
import { eventTime, localTime } from './time-schemas';
import { pathId } from './common';

/** One line (a subject): no control characters, which could forge mail headers. */
const line = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1),
      z.maxLength(max),
      z.regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'Must be one line of text without control characters'),
    );

/** A template body: line breaks and tabs allowed, other control characters not. */
const body = (max: number) =>
  z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(max),
    // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
    z.regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Must not contain control characters'),
  );

const audience = z
  .strictObject({
    status: z.array(z.enum(['confirmed', 'waitlisted', 'attended', 'cancelled'])).check(
      z.minLength(1),
      z.maxLength(4),
      z.refine((s) => new Set(s).size === s.length, 'Name each status once'),
    ),
    sessionId: z.optional(pathId),
    surveyResponded: z.optional(z.boolean()),
  })
  .check(z.meta({ id: 'CampaignAudience' }));

/**
 * POST /events/{eventId}/campaigns and its preview. Placeholders `{{name}}`, `{{event.title}}` and
 * `{{manageUrl}}` are checked against the templates when the request is handled (400 for any other).
 * The whole body is held to the API's 16 KB limit, so text and HTML share it.
 */
export const campaignRequest = z
  .strictObject({
    subject: line(limits.subject),
    text: body(limits.text),
    html: z.optional(body(limits.html)),
    audience,
    sendAt: z.optional(eventTime),
    purpose: z
      .optional(z.enum(['event', 'news']))
      .check(
        z.describe(
          'event (default): about this event, to everyone in the audience who has not unsubscribed; ' +
            'news: other events and news, only to delegates who gave consent.updates',
        ),
      ),
    confirmDuplicate: z
      .optional(z.boolean())
      .check(
        z.describe('Send even though the same subject and text went to the same audience within ten minutes'),
      ),
  })
  .check(z.meta({ id: 'CampaignRequest' }));
export type CampaignRequestBody = z.infer<typeof campaignRequest>;

export const campaignPath = z.strictObject({ campaignId: pathId });

const sending = z
  .object({
    sendRatePerSecond: z.number().check(z.describe('The configured send rate, mails per second')),
    estimatedSeconds: z.number().check(z.int(), z.describe('How long sending takes at that rate')),
    dailyQuota: z.number().check(z.int()),
    quotaCommitted: z
      .number()
      .check(z.int(), z.describe('Recipients of other campaigns starting within 24 hours')),
    quotaAvailable: z.number().check(z.int()),
    withinQuota: z.boolean(),
  })
  .check(z.meta({ id: 'CampaignSending' }));

const excluded = z
  .object({
    unsubscribed: z.number().check(z.int()),
    suppressed: z.number().check(z.int(), z.describe('Addresses that bounced permanently or complained')),
    noConsent: z
      .number()
      .check(z.int(), z.describe('A news campaign: delegates who did not consent to updates')),
  })
  .check(z.describe('Who matched the audience but will not get the campaign'))
  .check(z.meta({ id: 'CampaignExcluded' }));

export const campaignPreview = z
  .object({
    recipients: z.number().check(z.int(), z.describe('Who will get it')),
    excluded,
    sample: z.object({ subject: z.string(), text: z.string(), html: z.string() }),
    sending,
  })
  .check(z.meta({ id: 'CampaignPreview' }));

export const campaignAccepted = z
  .object({
    campaignId: z.string(),
    recipients: z
      .number()
      .check(z.int(), z.describe('Who the audience reaches now; fixed when the campaign starts')),
    excluded,
    status: z.enum(['scheduled', 'sending']),
    sendAt: z.nullable(z.string()),
    sendAtLocal: z.nullable(localTime),
    sending,
  })
  .check(z.meta({ id: 'CampaignAccepted' }));

export const campaignProgress = z
  .object({
    campaignId: z.string(),
    eventId: z.string(),
    status: z
      .enum(['scheduled', 'sending', 'sent', 'cancelled', 'refused'])
      .check(z.describe('refused: when it was due its audience was over the daily quota; nothing was sent')),
    subject: z.string(),
    audience,
    purpose: z.enum(['event', 'news']),
    createdAt: z.string(),
    recipients: z.number().check(z.int()),
    sent: z.number().check(z.int()),
    suppressed: z
      .number()
      .check(z.int(), z.describe('Not sent: suppressed or unsubscribed address, or erased delegate')),
    failed: z.number().check(z.int()),
    cancelled: z.number().check(z.int(), z.describe('Not sent because the campaign was cancelled first')),
    pending: z.number().check(z.int(), z.describe('Not settled yet')),
    sendAt: z.nullable(z.string()),
    sendAtLocal: z.nullable(localTime),
    startedAt: z.nullable(z.string()),
    cancelledAt: z.nullable(z.string()),
    reason: z.optional(z.string()).check(z.describe('Why it was refused, in words')),
  })
  .check(z.meta({ id: 'CampaignProgress' }));

export const campaignList = z
  .object({ campaigns: z.array(campaignProgress).check(z.describe('Newest first')) })
  .check(z.meta({ id: 'CampaignList' }));
