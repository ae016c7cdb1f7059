import { roomIn } from '../../adapters/dynamo/limit-counters';
import { campaignSettings } from '../../adapters/sending-limits';
import { sendQuotaWindow } from '../../domain/campaigns/campaign';

// Apart from planning a campaign (plan.ts), which checks its templates: starting one only needs the quota,
// so its function does not bundle Handlebars' compiler.

/** Mails other campaigns hold in the fullest quota window around `at` (the counters create reserves in). */
export const quotaCommittedAt = async (at: Date): Promise<number> => {
  const { dailyQuota } = campaignSettings;
  return dailyQuota - (await roomIn(sendQuotaWindow(dailyQuota), at));
};
