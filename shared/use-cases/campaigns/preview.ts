import type { CampaignRequest } from '../../domain/campaigns/campaign';
import { EnvNames, requireEnv } from '../../config/env';
import { renderCampaignMessage } from '../../mail/campaign-message';
import { compileCampaign } from '../../mail/campaign-template';
import { planCampaign } from './plan';

const publicUrl = requireEnv(EnvNames.publicUrl).replace(/\/+$/, '');

/**
 * What a campaign would do, without doing it: how many it reaches now, the mail the first of them would
 * get, how long sending takes and whether the daily quota holds it. The sample's links are examples,
 * never a delegate's working manage or unsubscribe link.
 */
export const previewCampaign = async (eventId: string, request: CampaignRequest) => {
  const plan = await planCampaign(eventId, request);
  const first = plan.recipients[0];
  const sample = renderCampaignMessage(compileCampaign(request), {
    name: first?.name ?? 'Sample Delegate',
    eventTitle: plan.conference.title,
    manageUrl: `${publicUrl}/registrations/reg_sample?token=sample`,
    unsubscribeUrl: `${publicUrl}/unsubscribe?token=sample`,
  });
  return { recipients: plan.recipients.length, excluded: plan.excluded, sample, sending: plan.sending };
};
