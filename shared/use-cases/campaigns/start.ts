import { randomUUID } from 'node:crypto';
import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { logger } from '../../adapters/observability';
import { now, nowIso } from '../../clock';
import { AUDIENCE_CHUNK, chunk, hasStarted, type Campaign } from '../../domain/campaigns/campaign';
import { campaignMessageKey } from '../../domain/mail/send-request';
import { queueMails } from '../mail/queue-mail';
import { listRecipients } from './recipients';
import { quotaCommittedAt } from './quota-committed';
import { campaignSettings } from '../../adapters/sending-limits';

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * Its audience grew past what the quota has room for since it was created: it is refused, not sent in
 * part and not put off (a campaign is written for its moment; sent later it may be wrong, and a part of
 * an audience is no one's choice). The reason stays on its status, for the organiser to send it again.
 */
const refuseOverQuota = async (campaign: Campaign, audience: number): Promise<void> => {
  const room = (await quotaCommittedAt(new Date(campaign.startAt))) - (campaign.quotaReserved ?? 0);
  const reason =
    `Not sent: when it was due it had ${count(audience)} recipients, and with the ${count(Math.max(0, room))} ` +
    `of other campaigns within 24 hours of it that is over the daily sending quota of ` +
    `${count(campaignSettings.dailyQuota)}. Send it again to fewer people, or at another time.`;
  if (await campaignRepository.refuse(campaign, reason, nowIso())) {
    logger.warn('Campaign refused at its start: over the daily quota', {
      campaignId: campaign.campaignId,
      audience,
      reserved: campaign.quotaReserved,
    });
  }
};

/**
 * Fixes who the campaign goes to, once. The list is written in chunks under an id of its own, then made
 * the campaign's in one conditional write: a second fan-out (a retry, a duplicate event) finds it fixed
 * and uses the same list, so `recipients` always equals the ledger entries that will exist. The same write
 * moves its quota reservation to the audience's size; should the quota have no room for it, it is refused.
 */
const fixAudience = async (campaign: Campaign): Promise<Campaign | undefined> => {
  const recipients = await listRecipients(campaign.eventId, campaign.audience, campaign.purpose);
  const audienceId = randomUUID();
  const chunks = chunk(
    recipients.map((r) => r.registrationId),
    AUDIENCE_CHUNK,
  );
  const at = now();
  await Promise.all(
    chunks.map((ids, i) => campaignRepository.saveAudienceChunk(campaign.campaignId, audienceId, i, ids, at)),
  );
  const started = await campaignRepository.start(
    campaign,
    { audienceId, chunks: chunks.length, recipients: recipients.length, at: nowIso() },
    campaignSettings.dailyQuota,
  );
  if (started === 'over_quota') {
    await refuseOverQuota(campaign, recipients.length);
    return undefined;
  }
  // Ours, or the one a concurrent fan-out fixed first; undefined if it was cancelled before it started.
  const fixed = await campaignRepository.find(campaign.campaignId);
  return fixed && hasStarted(fixed) ? fixed : undefined;
};

/**
 * Starts a campaign that is due: fixes its audience, then records one ledger entry per recipient and queues
 * it, chunk by chunk, noting each chunk done so a retry resumes after it. Entries are recorded even once
 * the campaign is cancelled: each then ends as cancelled, and the counts add up to `recipients`. Runs for
 * Campaign Send Due: from its schedule or its creator, and again from the start sweeper (sweep-starts.ts)
 * when it is due and unfinished.
 */
export const startCampaign = async (campaignId: string): Promise<void> => {
  const found = await campaignRepository.find(campaignId);
  if (!found) {
    // Taken back by its creator after its start could not be arranged; nothing to do.
    logger.warn('Campaign due but not found', { campaignId });
    return;
  }
  if ((found.status === 'cancelled' || found.status === 'refused') && !hasStarted(found)) return;
  const campaign = hasStarted(found) ? found : await fixAudience(found);
  if (!campaign?.audienceId) return;
  const messageKey = campaignMessageKey(campaignId);
  for (let i = campaign.queuedChunks ?? 0; i < (campaign.audienceChunks ?? 0); i += 1) {
    const ids = await campaignRepository.audienceChunk(campaignId, campaign.audienceId, i);
    await queueMails(
      campaign.eventId,
      ids.map((registrationId) => ({
        messageKey,
        spec: { kind: 'campaign' as const, campaignId, registrationId },
      })),
    );
    await campaignRepository.markQueued(campaignId, i + 1);
  }
  // Every chunk is queued (by this run, or one before it): the start sweeper need not look at it again.
  await campaignRepository.fanOutFinished(campaignId);
};
