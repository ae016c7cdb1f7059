import { randomUUID } from 'node:crypto';
import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { logger } from '../../adapters/observability';
import { now, nowIso } from '../../clock';
import { AUDIENCE_CHUNK, chunk, hasStarted, type Campaign } from '../../domain/campaigns/campaign';
import { campaignMessageKey } from '../../domain/mail/send-request';
import { queueMails } from '../mail/queue-mail';
import { listRecipients } from './recipients';

/**
 * Fixes who the campaign goes to, once. The list is written in chunks under an id of its own, then made
 * the campaign's in one conditional write: a second fan-out (a retry, a duplicate event) finds it fixed
 * and uses the same list, so `recipients` always equals the ledger entries that will exist.
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
  await campaignRepository.start(campaign.campaignId, {
    audienceId,
    chunks: chunks.length,
    recipients: recipients.length,
    at: nowIso(),
  });
  // Ours, or the one a concurrent fan-out fixed first; undefined if it was cancelled before it started.
  const fixed = await campaignRepository.find(campaign.campaignId);
  return fixed && hasStarted(fixed) ? fixed : undefined;
};

/**
 * Starts a campaign that is due: fixes its audience, then records one ledger entry per recipient and queues
 * it, chunk by chunk, noting each chunk done so a retry resumes after it. Entries are recorded even once
 * the campaign is cancelled: each then ends as cancelled, and the counts add up to `recipients`.
 */
export const startCampaign = async (campaignId: string): Promise<void> => {
  const found = await campaignRepository.find(campaignId);
  if (!found) {
    // Taken back by its creator after its start could not be arranged; nothing to do.
    logger.warn('Campaign due but not found', { campaignId });
    return;
  }
  if (found.status === 'cancelled' && !hasStarted(found)) return;
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
};
