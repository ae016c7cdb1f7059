import { EventUpdated, SurveyDue, type EventCancelled, type EventPublished } from '../../../events';
import type { Parsed } from '../../bus/bus-event';
import { scheduleRecords } from '../../adapters/dynamo/schedule-records';
import { upsertSchedule } from '../../adapters/scheduler';
import { NOTHING_PLANNED, reconcileSchedules } from '../../domain/schedules/reconcile';
import { splitSurveyPlan, type PlannedSurveyStep } from '../../domain/surveys/plan';
import { syncEventSchedules, type ScheduleArea } from '../schedules/sync-event-schedules';

/** An event's survey mails (invitation, optional reminder): one schedule each, firing `Survey Due`. */
export const surveySchedules: ScheduleArea<PlannedSurveyStep> = {
  name: 'Survey',
  records: scheduleRecords('SURVEY'),
  changes: (conference, now, recorded) =>
    reconcileSchedules(conference ? splitSurveyPlan(conference, now) : NOTHING_PLANNED, recorded),
  upsert: (eventId, s) =>
    upsertSchedule(s.scheduleName, new Date(s.dueAt), SurveyDue, { eventId, step: s.step, dueAt: s.dueAt }),
};

type ConferenceChange = Parsed<[typeof EventPublished, typeof EventUpdated, typeof EventCancelled]>;

/** A change that can move the survey's mails: publication, cancellation, or an update that moved times. */
export const syncSurveyOnChange = async ({ contract, detail }: ConferenceChange): Promise<void> => {
  if (contract === EventUpdated && !('timesChanged' in detail && detail.timesChanged)) return;
  await syncEventSchedules(surveySchedules, detail.event.eventId);
};
