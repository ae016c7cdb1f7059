import type { FieldProblem } from '../errors';
import { DAY_MS, HOUR_MS } from '../durations';
import type { CounterWindow } from '../limits/windows';
import { DEFAULT_PURPOSE, type Audience, type CampaignPurpose } from './audience';

/** What an organiser writes: placeholders in subject, text and HTML are filled per recipient. */
export interface CampaignContent {
  readonly subject: string;
  readonly text: string;
  readonly html?: string;
}

/** What an organiser asks for (API.md): the content, who it goes to, and when (now when no `sendAt`). */
export interface CampaignRequest extends CampaignContent {
  readonly audience: Audience;
  readonly sendAt?: string;
  /** `event` when absent. */
  readonly purpose?: CampaignPurpose;
}

/**
 * A campaign as stored. `status` is what was decided (scheduled, sending, cancelled); whether it is sent
 * follows from its counters. `recipients` is an estimate until the campaign starts (`audienceId` set),
 * then fixed: one ledger entry each, and every entry ends in exactly one counter.
 */
export interface Campaign {
  readonly campaignId: string;
  readonly eventId: string;
  readonly status: 'scheduled' | 'sending' | 'cancelled' | 'refused';
  readonly audience: Audience;
  /** Absent on campaigns created before purposes: those were `event`. */
  readonly purpose?: CampaignPurpose;
  readonly subject: string;
  /** When it starts (sendAt, or when it was created for "now"). */
  readonly startAt: string;
  readonly sendAt?: string;
  readonly createdAt: string;
  readonly createdBy?: string;
  readonly recipients: number;
  /** The audience list fixed when it started; absent before. */
  readonly audienceId?: string;
  readonly audienceChunks?: number;
  /** How many audience chunks the fan-out has recorded and queued, so a retry resumes there. */
  readonly queuedChunks?: number;
  readonly startedAt?: string;
  readonly cancelledAt?: string;
  /** Mails held in the daily quota's counters for it (at `startAt`); absent on campaigns from before them. */
  readonly quotaReserved?: number;
  /** Why it was refused when it was due (its audience had grown past the quota); nothing was sent. */
  readonly refusedReason?: string;
  readonly refusedAt?: string;
  readonly sent: number;
  /** Not sent by policy: suppressed or unsubscribed addresses. */
  readonly suppressed: number;
  readonly failed: number;
  /** Nothing to send any more when its turn came: the campaign was cancelled, or the delegate erased. */
  readonly skipped: number;
}

export type CampaignStatus = 'scheduled' | 'sending' | 'sent' | 'cancelled' | 'refused';

/** GET /campaigns/{id}: counts that add up to `recipients` once nothing is pending. */
export interface CampaignProgress {
  readonly campaignId: string;
  readonly eventId: string;
  readonly status: CampaignStatus;
  readonly subject: string;
  readonly audience: Audience;
  readonly purpose: CampaignPurpose;
  readonly createdAt: string;
  readonly recipients: number;
  readonly sent: number;
  readonly suppressed: number;
  readonly failed: number;
  /** Not sent because the campaign was cancelled first. */
  readonly cancelled: number;
  /** Not settled yet (queued, or being sent). */
  readonly pending: number;
  readonly sendAt: string | null;
  readonly startedAt: string | null;
  readonly cancelledAt: string | null;
  /** Present when refused: why, in words. */
  readonly reason?: string;
}

export const hasStarted = (c: Campaign): boolean => c.audienceId !== undefined;

const settled = (c: Campaign): number => c.sent + c.suppressed + c.failed + c.skipped;

/** Sent: started, not cancelled, and every recipient's entry has ended. */
export const isSent = (c: Campaign): boolean =>
  c.status === 'sending' && hasStarted(c) && settled(c) >= c.recipients;

export const campaignProgress = (c: Campaign): CampaignProgress => {
  const started = hasStarted(c);
  const cancelledEarly = (c.status === 'cancelled' || c.status === 'refused') && !started;
  // Skipped entries of a cancelled campaign were cancelled; otherwise they are the erased, not sent by policy.
  const cancelled = c.status === 'cancelled' ? c.skipped : 0;
  return {
    campaignId: c.campaignId,
    eventId: c.eventId,
    status: isSent(c) ? 'sent' : c.status,
    subject: c.subject,
    audience: c.audience,
    purpose: c.purpose ?? DEFAULT_PURPOSE,
    createdAt: c.createdAt,
    recipients: cancelledEarly ? 0 : c.recipients,
    sent: c.sent,
    suppressed: c.suppressed + (c.status === 'cancelled' ? 0 : c.skipped),
    failed: c.failed,
    cancelled,
    pending: started ? Math.max(0, c.recipients - settled(c)) : cancelledEarly ? 0 : c.recipients,
    sendAt: c.sendAt ?? null,
    startedAt: c.startedAt ?? null,
    cancelledAt: c.cancelledAt ?? null,
    ...(c.refusedReason === undefined ? {} : { reason: c.refusedReason }),
  };
};

/** How long a campaign takes and whether it fits the daily quota, shown before it starts. */
export interface SendingPlan {
  readonly sendRatePerSecond: number;
  /** At the configured rate, with the sender to itself. */
  readonly estimatedSeconds: number;
  readonly dailyQuota: number;
  /** Recipients of other campaigns starting within 24 hours of this one. */
  readonly quotaCommitted: number;
  readonly quotaAvailable: number;
  readonly withinQuota: boolean;
}

export const sendingPlan = (
  recipients: number,
  settings: { readonly sendRatePerSecond: number; readonly dailyQuota: number },
  committed: number,
): SendingPlan => {
  const available = Math.max(0, settings.dailyQuota - committed);
  return {
    sendRatePerSecond: settings.sendRatePerSecond,
    estimatedSeconds: Math.ceil(recipients / settings.sendRatePerSecond),
    dailyQuota: settings.dailyQuota,
    quotaCommitted: committed,
    quotaAvailable: available,
    withinQuota: recipients <= available,
  };
};

/** Audience lists are stored in chunks this size (ids only, well under DynamoDB's 400 KB item limit). */
export const AUDIENCE_CHUNK = 1000;

export const chunk = <T>(items: readonly T[], size: number): T[][] => {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
};

/** The one-time schedule that starts a campaign at `sendAt`: named from its id only. */
export const campaignScheduleName = (campaignId: string): string => `campaign-${campaignId}`;

/** How far ahead a campaign may be scheduled. */
export const MAX_DAYS_AHEAD = 366;

/** Problems with when and to whom a campaign is asked to go, against the event and the clock. */
export const requestProblems = (
  request: Pick<CampaignRequest, 'audience' | 'sendAt'>,
  sessionIds: ReadonlySet<string>,
  now: Date,
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  const { sessionId } = request.audience;
  if (sessionId !== undefined && !sessionIds.has(sessionId)) {
    problems.push({ path: 'audience.sessionId', message: 'Not a session of this event' });
  }
  if (request.sendAt !== undefined) {
    const at = new Date(request.sendAt).getTime();
    if (!(at > now.getTime())) problems.push({ path: 'sendAt', message: 'Must be in the future' });
    else if (at > now.getTime() + MAX_DAYS_AHEAD * DAY_MS) {
      problems.push({ path: 'sendAt', message: `Must be within ${MAX_DAYS_AHEAD} days` });
    }
  }
  return problems;
};

/**
 * The daily quota as window counters: a campaign reserves its recipients at its start in every 25-hour
 * window (by the hour) that holds it, so no rolling 24 hours holds more than the quota. Giving room back
 * reads no limit.
 */
export const sendQuotaWindow = (dailyQuota = 0): CounterWindow => ({
  name: 'send-quota',
  label: '24 hours',
  windowMs: DAY_MS,
  bucketMs: HOUR_MS,
  limit: dailyQuota,
});
