import { CampaignSendDue } from '../../../events';
import { publish } from '../../adapters/bus';
import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { upsertSchedule } from '../../adapters/scheduler';
import { nowIso } from '../../clock';
import { campaignScheduleName, type Campaign, type CampaignRequest } from '../../domain/campaigns/campaign';
import { conflict } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { planCampaign } from './plan';

const count = (n: number): string => n.toLocaleString('en-GB');

/**
 * Creates a campaign and arranges its start: a one-time schedule at `sendAt`, or a Campaign Send Due on the
 * bus now. A campaign for now must reach someone; a scheduled one may not yet (an audience of those who
 * attended, before the day). Over the daily quota it is refused before anything is written. Should the
 * start not be arranged, the campaign is taken back, so nothing is left that will never go.
 */
export const createCampaign = async (eventId: string, request: CampaignRequest, createdBy?: string) => {
  const plan = await planCampaign(eventId, request);
  const recipients = plan.recipients.length;
  if (request.sendAt === undefined && recipients === 0) {
    throw conflict('no_recipients', 'Nobody is in this audience, so there is no one to send to.');
  }
  if (!plan.sending.withinQuota) {
    throw conflict(
      'daily_quota_exceeded',
      `This campaign's ${count(recipients)} recipients, with the ${count(plan.sending.quotaCommitted)} of ` +
        `other campaigns starting within 24 hours of it, are over the daily sending quota of ` +
        `${count(plan.sending.dailyQuota)}. Send it to fewer people, or at another time.`,
    );
  }
  const campaign: Campaign = {
    campaignId: newId('cmp'),
    eventId,
    status: request.sendAt === undefined ? 'sending' : 'scheduled',
    audience: request.audience,
    subject: request.subject,
    startAt: plan.startAt.toISOString(),
    ...(request.sendAt === undefined ? {} : { sendAt: plan.startAt.toISOString() }),
    createdAt: nowIso(),
    ...(createdBy ? { createdBy } : {}),
    recipients,
    sent: 0,
    suppressed: 0,
    failed: 0,
    skipped: 0,
  };
  await campaignRepository.create(campaign, {
    subject: request.subject,
    text: request.text,
    ...(request.html === undefined ? {} : { html: request.html }),
  });
  const due = { campaignId: campaign.campaignId, eventId };
  try {
    if (campaign.status === 'scheduled') {
      await upsertSchedule(campaignScheduleName(campaign.campaignId), plan.startAt, CampaignSendDue, due);
    } else {
      await publish(CampaignSendDue, due);
    }
  } catch (error) {
    // Gone: the caller may try again. Not gone: it started after all (the event got through).
    if (await campaignRepository.discard(campaign.campaignId)) throw error;
  }
  return {
    campaignId: campaign.campaignId,
    recipients,
    status: campaign.status,
    sendAt: campaign.sendAt ?? null,
    sending: plan.sending,
  };
};
