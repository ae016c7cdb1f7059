import { CampaignSendDue } from '../../../events';
import { publish } from '../../adapters/bus';
import { unfinishedCampaignsStartingBetween } from '../../adapters/dynamo/unfinished-campaigns';
import { logger } from '../../adapters/observability';
import { now } from '../../clock';
import { startLost, startSweepWindow } from '../../domain/campaigns/start-sweep';

export interface StartSweepResult {
  /** Campaigns whose start was asked for again. */
  readonly restarted: number;
}

/**
 * Every minute (a schedule trigger): finds the due campaigns whose start was lost (refused past the start
 * rule's retries, say) or whose fan-out stopped part way, and puts their Campaign Send Due on the bus
 * again. The start is idempotent (startCampaign), so a late retry of the original and this one together
 * still fix one audience and send each mail once.
 */
export const sweepCampaignStarts = async (): Promise<StartSweepResult> => {
  const at = now();
  const { from, to } = startSweepWindow(at);
  const lost = (await unfinishedCampaignsStartingBetween(from, to)).filter((c) => startLost(c, at));
  for (const campaign of lost) {
    await publish(CampaignSendDue, { campaignId: campaign.campaignId, eventId: campaign.eventId });
  }
  if (lost.length > 0) {
    logger.warn('Due campaigns had lost their start; it is asked for again', {
      campaignIds: lost.map((c) => c.campaignId),
    });
  }
  return { restarted: lost.length };
};
