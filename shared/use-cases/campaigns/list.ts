import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { campaignProgress } from '../../domain/campaigns/campaign';
import { loadConference } from '../load-conference';
import { withSendAtLocal } from './send-at-local';

/** An event's campaigns, newest first, each with its status and counts as GET /campaigns/{id} gives them. */
export const listCampaigns = async (eventId: string) => {
  const { conference } = await loadConference(eventId);
  const campaigns = await campaignRepository.ofEvent(eventId);
  return { campaigns: campaigns.map((c) => withSendAtLocal(campaignProgress(c), conference.timezone)) };
};
