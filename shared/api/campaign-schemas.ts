import * as z from 'zod';
import { eventTime, localTime } from './time-schemas';
import { pathId } from './common';

/** One line (a subject): no control characters, which could forge mail headers. */
const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}\u2028\u2029]*$/u, 'Must be one line of text without control characters');

/** A template body: line breaks and tabs allowed, other control characters not. */
const body = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    // eslint-disable-next-line no-control-regex -- the point is to refuse control characters
    .regex(/^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/, 'Must not contain control characters');

const audience = z
  .strictObject({
    status: z
      .array(z.enum(['confirmed', 'waitlisted', 'attended', 'cancelled']))
      .min(1)
      .max(4)
      .refine((s) => new Set(s).size === s.length, 'Name each status once'),
    sessionId: pathId.optional(),
    surveyResponded: z.boolean().optional(),
  })
  .meta({ id: 'CampaignAudience' });

/**
 * POST /events/{eventId}/campaigns and its preview. Placeholders `{{name}}`, `{{event.title}}` and
 * `{{manageUrl}}` are checked against the templates when the request is handled (400 for any other).
 * The whole body is held to the API's 16 KB limit, so text and HTML share it.
 */
export const campaignRequest = z
  .strictObject({
    subject: line(200),
    text: body(15_000),
    html: body(15_000).optional(),
    audience,
    sendAt: eventTime.optional(),
    purpose: z
      .enum(['event', 'news'])
      .optional()
      .describe(
        'event (default): about this event, to everyone in the audience who has not unsubscribed; ' +
          'news: other events and news, only to delegates who gave consent.updates',
      ),
    confirmDuplicate: z
      .boolean()
      .optional()
      .describe('Send even though the same subject and text went to the same audience within ten minutes'),
  })
  .meta({ id: 'CampaignRequest' });
export type CampaignRequestBody = z.infer<typeof campaignRequest>;

export const campaignPath = z.strictObject({ campaignId: pathId });

const sending = z
  .object({
    sendRatePerSecond: z.number().describe('The configured send rate, mails per second'),
    estimatedSeconds: z.number().int().describe('How long sending takes at that rate'),
    dailyQuota: z.number().int(),
    quotaCommitted: z.number().int().describe('Recipients of other campaigns starting within 24 hours'),
    quotaAvailable: z.number().int(),
    withinQuota: z.boolean(),
  })
  .meta({ id: 'CampaignSending' });

const excluded = z
  .object({
    unsubscribed: z.number().int(),
    suppressed: z.number().int().describe('Addresses that bounced permanently or complained'),
    noConsent: z.number().int().describe('A news campaign: delegates who did not consent to updates'),
  })
  .describe('Who matched the audience but will not get the campaign')
  .meta({ id: 'CampaignExcluded' });

export const campaignPreview = z
  .object({
    recipients: z.number().int().describe('Who will get it'),
    excluded,
    sample: z.object({ subject: z.string(), text: z.string(), html: z.string() }),
    sending,
  })
  .meta({ id: 'CampaignPreview' });

export const campaignAccepted = z
  .object({
    campaignId: z.string(),
    recipients: z.number().int().describe('Who the audience reaches now; fixed when the campaign starts'),
    excluded,
    status: z.enum(['scheduled', 'sending']),
    sendAt: z.string().nullable(),
    sendAtLocal: localTime.nullable(),
    sending,
  })
  .meta({ id: 'CampaignAccepted' });

export const campaignProgress = z
  .object({
    campaignId: z.string(),
    eventId: z.string(),
    status: z
      .enum(['scheduled', 'sending', 'sent', 'cancelled', 'refused'])
      .describe('refused: when it was due its audience was over the daily quota; nothing was sent'),
    subject: z.string(),
    audience,
    purpose: z.enum(['event', 'news']),
    createdAt: z.string(),
    recipients: z.number().int(),
    sent: z.number().int(),
    suppressed: z.number().int().describe('Not sent: suppressed or unsubscribed address, or erased delegate'),
    failed: z.number().int(),
    cancelled: z.number().int().describe('Not sent because the campaign was cancelled first'),
    pending: z.number().int().describe('Not settled yet'),
    sendAt: z.string().nullable(),
    sendAtLocal: localTime.nullable(),
    startedAt: z.string().nullable(),
    cancelledAt: z.string().nullable(),
    reason: z.string().optional().describe('Why it was refused, in words'),
  })
  .meta({ id: 'CampaignProgress' });

export const campaignList = z
  .object({ campaigns: z.array(campaignProgress).describe('Newest first') })
  .meta({ id: 'CampaignList' });
