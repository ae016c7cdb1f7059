import { campaignRepository } from '../../adapters/dynamo/campaign-repository';
import { recipientsReached } from '../../adapters/dynamo/ledger-reach';
import { scheduleRecords } from '../../adapters/dynamo/schedule-records';
import { socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { now } from '../../clock';
import { campaignProgress } from '../../domain/campaigns/campaign';
import type { ConferenceStatus } from '../../domain/conference/conference';
import { commsPlan, mailKeysToCount, type PlanItem } from '../../domain/plan/comms-plan';
import { loadConference } from '../load-conference';

/** One event's comms plan, with what the console and the feed show of the event itself. */
export interface CommsPlan {
  readonly eventId: string;
  readonly title: string;
  readonly timezone: string;
  readonly status: ConferenceStatus;
  readonly items: readonly PlanItem[];
}

const reminderRecords = scheduleRecords('REMINDER');
const surveyRecords = scheduleRecords('SURVEY');

/** How many delegates each message reached (sent, or on its way), by message key. */
const reachedBy = async (messageKeys: readonly string[]): Promise<Record<string, number>> =>
  Object.fromEntries(
    await Promise.all(messageKeys.map(async (key) => [key, (await recipientsReached(key)).length] as const)),
  );

/**
 * Everything that will go out or went out for the event (reminders, the survey's mails, campaigns, posts
 * to X), each with its state, soonest first. 404 for an unknown event.
 */
export const readCommsPlan = async (eventId: string): Promise<CommsPlan> => {
  const { conference } = await loadConference(eventId);
  const at = now();
  const [reminders, surveys, campaigns, posts, reached] = await Promise.all([
    reminderRecords.list(eventId),
    surveyRecords.list(eventId),
    campaignRepository.ofEvent(eventId),
    socialPostRepository.listByEvent(eventId),
    reachedBy(mailKeysToCount(conference, at)),
  ]);
  return {
    eventId,
    title: conference.title,
    timezone: conference.timezone,
    status: conference.status,
    items: commsPlan({
      event: conference,
      now: at,
      recorded: Object.fromEntries([...reminders, ...surveys].map((r) => [r.name, r.dueAt])),
      reached,
      campaigns: campaigns.map(campaignProgress),
      posts,
    }),
  };
};
