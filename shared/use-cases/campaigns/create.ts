import { CampaignSendDue } from '../../../events';
import { publish } from '../../adapters/bus';
import { campaignRepository, type CampaignGuards } from '../../adapters/dynamo/campaign-repository';
import { upsertSchedule } from '../../adapters/scheduler';
import { nowIso, nowMs } from '../../clock';
import { DEFAULT_PURPOSE } from '../../domain/campaigns/audience';
import { campaignScheduleName, type Campaign, type CampaignRequest } from '../../domain/campaigns/campaign';
import {
  contentFingerprint,
  DUPLICATE_WINDOW_MS,
  IDEMPOTENCY_KEPT_MS,
  idempotencyKeyProblems,
  requestFingerprint,
} from '../../domain/campaigns/duplicates';
import { conflict, invalid } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { instantToWallClock } from '../../domain/wall-clock';
import { planCampaign } from './plan';
import { quotaCommittedAt } from './quota-committed';
import { campaignSettings } from '../../adapters/sending-limits';

const count = (n: number): string => n.toLocaleString('en-GB');

export interface CreateOptions {
  readonly createdBy?: string;
  /** The request's Idempotency-Key header: the same key again answers the same campaign. */
  readonly idempotencyKey?: string;
  /** Send even though the same content went to the same audience within ten minutes. */
  readonly confirmDuplicate?: boolean;
  /**
   * Check for the same content to the same audience even when a key is sent: the console's key guards one
   * form against a double click or a refresh, not a second form written the same.
   */
  readonly checkDuplicate?: boolean;
}

const overQuota = (recipients: number, committed: number) =>
  conflict(
    'daily_quota_exceeded',
    `This campaign's ${count(recipients)} recipients, with the ${count(committed)} of other campaigns ` +
      `starting within 24 hours of it, are over the daily sending quota of ` +
      `${count(campaignSettings.dailyQuota)}. Send it to fewer people, or at another time.`,
  );

const keyReused = () =>
  conflict(
    'idempotency_key_reused',
    'This Idempotency-Key was used for a different campaign; send a new key for a new campaign.',
  );

const possibleDuplicate = () =>
  conflict(
    'possible_duplicate',
    'A campaign with the same subject and text went to the same audience less than ten minutes ago. ' +
      'Send it again with "confirmDuplicate": true if it should go twice.',
  );

/** The first answer to a key, when this request repeats it; a different request with it is a 409. */
const repeatOf = async (eventId: string, key: string | undefined, fingerprint: string) => {
  if (key === undefined) return undefined;
  const keyed = await campaignRepository.findByKey(eventId, key);
  if (keyed && keyed.request !== fingerprint) throw keyReused();
  return keyed?.answer;
};

/**
 * Creates a campaign and arranges its start: a one-time schedule at `sendAt`, or a Campaign Send Due on the
 * bus now. A campaign for now must reach someone; a scheduled one may not yet (an audience of those who
 * attended, before the day). Its recipients are reserved in the daily quota's counters in the same
 * transaction that writes it, so concurrent creates never hold more than the quota; over it, it is
 * refused and nothing is written. A repeated
 * Idempotency-Key answers the first campaign; without one, the same content to the same audience within ten
 * minutes is refused unless confirmed. Should the start not be arranged, the campaign is taken back, so
 * nothing is left that will never go.
 */
export const createCampaign = async (
  eventId: string,
  request: CampaignRequest,
  options: CreateOptions = {},
) => {
  const { idempotencyKey: key, createdBy } = options;
  const keyProblems = idempotencyKeyProblems(key);
  if (keyProblems.length > 0) throw invalid(keyProblems);
  const fingerprint = requestFingerprint(request);
  const repeated = await repeatOf(eventId, key, fingerprint);
  if (repeated !== undefined) return repeated;

  const plan = await planCampaign(eventId, request);
  const recipients = plan.recipients.length;
  if (request.sendAt === undefined && recipients === 0) {
    throw conflict('no_recipients', 'Nobody is in this audience, so there is no one to send to.');
  }
  if (!plan.sending.withinQuota) throw overQuota(recipients, plan.sending.quotaCommitted);
  const createdAt = nowIso();
  const campaign: Campaign = {
    campaignId: newId('cmp'),
    eventId,
    status: request.sendAt === undefined ? 'sending' : 'scheduled',
    audience: request.audience,
    purpose: request.purpose ?? DEFAULT_PURPOSE,
    subject: request.subject,
    startAt: plan.startAt.toISOString(),
    ...(request.sendAt === undefined ? {} : { sendAt: plan.startAt.toISOString() }),
    createdAt,
    ...(createdBy ? { createdBy } : {}),
    recipients,
    quotaReserved: recipients,
    sent: 0,
    suppressed: 0,
    failed: 0,
    skipped: 0,
  };
  const answer = {
    campaignId: campaign.campaignId,
    recipients,
    excluded: plan.excluded,
    status: campaign.status,
    sendAt: campaign.sendAt ?? null,
    sendAtLocal: campaign.sendAt ? instantToWallClock(campaign.sendAt, plan.conference.timezone) : null,
    sending: plan.sending,
  };
  // A keyed request is its own guard against a double send; only an unkeyed (or asked), unconfirmed one is checked.
  const checked = (key === undefined || options.checkDuplicate === true) && options.confirmDuplicate !== true;
  const guards: CampaignGuards = {
    ...(key === undefined ? {} : { idempotency: { key, request: fingerprint, answer } }),
    sameContent: {
      fingerprint: contentFingerprint(request),
      ...(checked ? { since: new Date(nowMs() - DUPLICATE_WINDOW_MS).toISOString() } : {}),
    },
    expiresAt: Math.ceil((nowMs() + IDEMPOTENCY_KEPT_MS) / 1000),
  };
  const created = await campaignRepository.create(
    campaign,
    {
      subject: request.subject,
      text: request.text,
      ...(request.html === undefined ? {} : { html: request.html }),
    },
    guards,
    campaignSettings.dailyQuota,
  );
  if (!created.ok) {
    // Another campaign took the room between the plan and this write: the counters refused it.
    if (created.failed.includes('over_quota')) {
      throw overQuota(recipients, await quotaCommittedAt(plan.startAt));
    }
    // Two requests with one key at once: the other wrote first, so its campaign is the answer.
    if (created.failed.includes('key_used')) {
      const first = await repeatOf(eventId, key, fingerprint);
      if (first !== undefined) return first;
    }
    throw possibleDuplicate();
  }
  const due = { campaignId: campaign.campaignId, eventId };
  try {
    if (campaign.status === 'scheduled') {
      await upsertSchedule(campaignScheduleName(campaign.campaignId), plan.startAt, CampaignSendDue, due);
    } else {
      await publish(CampaignSendDue, due);
    }
  } catch (error) {
    // Gone: the caller may try again. Not gone: it started after all (the event got through).
    if (await campaignRepository.discard(campaign, guards)) throw error;
  }
  return answer;
};
