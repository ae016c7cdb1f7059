import { now } from '../../clock';
import { reminderDates } from '../../domain/reminders/dates';
import { surveyTimes } from '../../domain/surveys/plan';
import { listCampaigns } from '../campaigns/list';
import { eventOverview } from '../event-overview';
import { listSocialPosts } from '../social/list';

/**
 * What cancelling the event would do, counted now: who is mailed (those with a place get a calendar
 * CANCEL too; those waiting a mail), which reminders, survey mail and posts to X stop (their owners
 * drop them on `Event Cancelled`), and which campaigns, still scheduled, do not stop on their own.
 */
export const cancellationEffects = async (eventId: string) => {
  const at = now();
  const overview = await eventOverview(eventId);
  const { view, places } = overview;
  const [{ posts }, { campaigns }] = await Promise.all([listSocialPosts(eventId), listCampaigns(eventId)]);
  const published = view.status === 'published';
  const reminders = published
    ? reminderDates(
        {
          eventId,
          status: view.status,
          timezone: view.timezone,
          startsAt: view.startsAtUtc,
          reminders: view.reminders,
        },
        at,
      ).filter((r) => !r.passed).length
    : 0;
  const surveyDue =
    published && view.survey !== undefined
      ? surveyTimes(view.survey, new Date(view.endsAtUtc), view.timezone).invitation > at
      : false;
  return {
    view,
    withPlace: places.event.taken,
    waiting: places.event.waiting,
    reminders,
    surveyDue,
    posts: posts.filter((p) => p.status === 'scheduled').length,
    campaigns: campaigns.filter((c) => c.status === 'scheduled').length,
  };
};
