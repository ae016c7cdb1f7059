import { CampaignCancelled } from '../../../events';
import { publish } from '../../adapters/bus';
import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { deleteSchedule } from '../../adapters/scheduler';
import { nowIso } from '../../clock';
import {
  campaignProgress,
  campaignScheduleName,
  hasStarted,
  isSent,
  type CampaignProgress,
} from '../../domain/campaigns/campaign';
import { conflict, notFound } from '../../domain/errors';

const ATTEMPTS = 5;

/**
 * Stops what is not sent. Before the start: its schedule goes and nobody is a recipient. Once started:
 * each entry not yet sent finds the campaign cancelled when its turn comes and ends as cancelled, so
 * the counts still add up (a mail already handed to SES has gone). Cancelling twice is the same as once;
 * a campaign already sent has nothing left to cancel.
 */
export const cancelCampaign = async (campaignId: string): Promise<CampaignProgress> => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const campaign = await campaignRepository.find(campaignId);
    if (!campaign) throw notFound('The campaign');
    if (campaign.status === 'cancelled' || campaign.status === 'refused') return campaignProgress(campaign);
    if (isSent(campaign)) {
      throw conflict('campaign_sent', 'This campaign has been sent; there is nothing left to cancel.');
    }
    const at = nowIso();
    if (!(await campaignRepository.cancel(campaign, at))) continue; // it started meanwhile: read again
    const started = hasStarted(campaign);
    // Should the schedule outlive this (a failed delete), it fires into a cancelled campaign: nothing goes.
    if (!started && campaign.sendAt) await deleteSchedule(campaignScheduleName(campaignId));
    await publish(CampaignCancelled, { campaignId, eventId: campaign.eventId, started, cancelledAt: at });
    const cancelled = await campaignRepository.find(campaignId);
    if (!cancelled) throw notFound('The campaign');
    return campaignProgress(cancelled);
  }
  throw new Error(`Campaign ${campaignId} kept changing while being cancelled`);
};
