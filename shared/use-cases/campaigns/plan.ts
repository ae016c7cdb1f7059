import { now } from '../../clock';
import type { Excluded, Recipient } from '../../domain/campaigns/audience';
import {
  requestProblems,
  sendingPlan,
  type CampaignRequest,
  type SendingPlan,
} from '../../domain/campaigns/campaign';
import type { Conference } from '../../domain/conference';
import { invalid } from '../../domain/errors';
import { eventTimeToInstant } from '../../domain/wall-clock';
import { templateProblems } from '../../mail/campaign-template';
import { loadConference } from '../load-conference';
import { campaignReach } from './recipients';
import { quotaCommittedAt } from './quota-committed';
import { campaignSettings } from '../../adapters/sending-limits';

export interface CampaignPlan {
  readonly conference: Conference;
  /** Who will get it: the audience, less the unsubscribed, the suppressed and (for news) the unconsenting. */
  readonly recipients: readonly Recipient[];
  readonly excluded: Excluded;
  /** When it starts: `sendAt`, or now. */
  readonly startAt: Date;
  readonly sending: SendingPlan;
}

/**
 * Everything preview and create check before anything is written: the event exists, the session is one
 * of its own, `sendAt` is ahead, every template compiles and renders with only the known placeholders.
 * Then who it would reach now, how long that takes at the send rate, and whether the daily quota holds
 * it beside what other campaigns hold in the 24 hours around it.
 */
export const planCampaign = async (eventId: string, request: CampaignRequest): Promise<CampaignPlan> => {
  const { conference } = await loadConference(eventId);
  // `sendAt` may be wall-clock in the event's zone: from here on it is the instant.
  const sendAt = request.sendAt && eventTimeToInstant(request.sendAt, conference.timezone, 'sendAt');
  if (sendAt && !sendAt.ok) throw invalid([sendAt.problem]);
  const asked = sendAt ? { ...request, sendAt: sendAt.instant.toISOString() } : request;
  const problems = [
    ...templateProblems(asked),
    ...requestProblems(asked, new Set(conference.sessions.map((s) => s.id)), now()),
  ];
  if (problems.length > 0) throw invalid(problems);
  const startAt = asked.sendAt === undefined ? now() : new Date(asked.sendAt);
  const [{ recipients, excluded }, committed] = await Promise.all([
    campaignReach(eventId, request.audience, request.purpose),
    quotaCommittedAt(startAt),
  ]);
  return {
    conference,
    recipients,
    excluded,
    startAt,
    sending: sendingPlan(recipients.length, campaignSettings, committed),
  };
};
