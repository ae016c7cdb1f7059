import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { campaignProgress } from '../../domain/campaigns/campaign';
import { notFound } from '../../domain/errors';
import { loadConference } from '../load-conference';
import { withSendAtLocal } from './send-at-local';

/** A campaign's status and counts; once nothing is pending they add up to its recipients. */
export const showCampaign = async (campaignId: string) => {
  const campaign = await campaignRepository.find(campaignId);
  if (!campaign) throw notFound('The campaign');
  const { conference } = await loadConference(campaign.eventId);
  return withSendAtLocal(campaignProgress(campaign), conference.timezone);
};
