import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { now } from '../../clock';
import type { Recipient } from '../../domain/campaigns/audience';
import {
  DAY_MS,
  requestProblems,
  sendingPlan,
  type CampaignRequest,
  type SendingPlan,
} from '../../domain/campaigns/campaign';
import type { Conference } from '../../domain/conference';
import { invalid } from '../../domain/errors';
import { templateProblems } from '../../mail/campaign-template';
import { loadConference } from '../load-conference';
import { listRecipients } from './recipients';
import { campaignSettings } from '../../adapters/sending-limits';

export interface CampaignPlan {
  readonly conference: Conference;
  readonly recipients: readonly Recipient[];
  /** When it starts: `sendAt`, or now. */
  readonly startAt: Date;
  readonly sending: SendingPlan;
}

/**
 * Everything preview and create check before anything is written: the event exists, the session is one
 * of its own, `sendAt` is ahead, every template compiles and renders with only the known placeholders.
 * Then who it would reach now, how long that takes at the send rate, and whether the daily quota holds
 * it beside the other campaigns starting within 24 hours of it.
 */
export const planCampaign = async (eventId: string, request: CampaignRequest): Promise<CampaignPlan> => {
  const { conference } = await loadConference(eventId);
  const problems = [
    ...templateProblems(request),
    ...requestProblems(request, new Set(conference.sessions.map((s) => s.id)), now()),
  ];
  if (problems.length > 0) throw invalid(problems);
  const startAt = request.sendAt === undefined ? now() : new Date(request.sendAt);
  const [recipients, committed] = await Promise.all([
    listRecipients(eventId, request.audience),
    campaignRepository.recipientsStartingBetween(
      new Date(startAt.getTime() - DAY_MS).toISOString(),
      new Date(startAt.getTime() + DAY_MS).toISOString(),
    ),
  ]);
  return {
    conference,
    recipients,
    startAt,
    sending: sendingPlan(recipients.length, campaignSettings, committed),
  };
};
