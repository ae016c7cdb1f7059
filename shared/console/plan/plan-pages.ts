import { now } from '../../clock';
import { DomainError } from '../../domain/errors';
import { surveyPlan } from '../../domain/surveys/plan';
import { formatMomentForUk, timezoneNote } from '../../domain/wall-clock';
import { csv, seeOther } from '../../http/respond';
import { loadConference } from '../../use-cases/load-conference';
import { currentPlanFeed, renewPlanFeedKey } from '../../use-cases/plan/plan-feed';
import { readCommsPlan } from '../../use-cases/plan/read-plan';
import { exportSurveyResponses, readSurveyResults } from '../../use-cases/surveys/survey-results';
import type { ConsolePages } from '../console-handler';
import { consoleUrls } from '../console-navigation';
import { consolePage } from '../console-page';
import { planDays } from './plan-days';
import type { planRoutes } from './plan-routes';
import { surveyResultsView } from './survey-results-view';

const planUrl = (eventId: string) => consoleUrls.section(eventId, 'plan');
const resultsUrl = (eventId: string) => consoleUrls.section(eventId, 'survey');

/** "Times are UK time", or the note naming the event's own zone where its clocks differ. */
const zoneSentence = (zone: string, at: Date): string => timezoneNote(zone, at) ?? 'Times are UK time.';

export const planPages: ConsolePages<typeof planRoutes> = {
  plan: async (request) => {
    const eventId = request.params.eventId ?? '';
    const [plan, feed] = await Promise.all([readCommsPlan(eventId), currentPlanFeed(eventId)]);
    const first = plan.items[0];
    return consolePage(request, 'plan/plan.njk', {
      title: 'Comms plan',
      event: { id: eventId, title: plan.title, section: 'plan' },
      zoneNote: zoneSentence(plan.timezone, first ? new Date(first.at) : now()),
      days: planDays(plan.items, eventId, plan.timezone, request.session),
      feed: feed && { url: feed.feedUrl, made: formatMomentForUk(new Date(feed.createdAt), plan.timezone) },
      feedAction: `${planUrl(eventId)}/feed`,
      newFeed: request.query.done === 'feed',
      postsUrl: consoleUrls.section(eventId, 'posts'),
    });
  },

  newFeedKey: async (request) => {
    const eventId = request.params.eventId ?? '';
    await renewPlanFeedKey(eventId, request.session.subject);
    return seeOther(`${planUrl(eventId)}?done=feed`);
  },

  surveyResults: async (request) => {
    const eventId = request.params.eventId ?? '';
    const { conference } = await loadConference(eventId);
    const event = { id: eventId, title: conference.title, section: 'survey' as const };
    let results;
    try {
      results = await readSurveyResults(eventId);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'no_survey')) throw error;
      return consolePage(request, 'plan/no-survey.njk', {
        title: 'Survey results',
        event,
        surveyUrl: `${consoleUrls.event(eventId)}/edit/survey`,
      });
    }
    const invitation = surveyPlan(conference).find((s) => s.step === 'invitation');
    return consolePage(request, 'plan/survey-results.njk', {
      title: 'Survey results',
      event,
      ...surveyResultsView(results, conference.timezone, now()),
      invitesAt:
        results.invited === 0 && invitation && new Date(invitation.dueAt) > now()
          ? formatMomentForUk(new Date(invitation.dueAt), conference.timezone)
          : undefined,
      csvUrl: `${resultsUrl(eventId)}.csv`,
      minimumResponses: results.minimumResponses,
    });
  },

  surveyResultsCsv: async (request) => {
    const eventId = request.params.eventId ?? '';
    return csv(await exportSurveyResponses(eventId), `survey-${eventId}.csv`);
  },
};
