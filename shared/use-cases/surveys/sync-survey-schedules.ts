import { SurveyDue } from '../../../events';
import { scheduleRecords } from '../../adapters/dynamo/schedule-records';
import { upsertSchedule } from '../../adapters/scheduler';
import { NOTHING_PLANNED, reconcileSchedules } from '../../domain/schedules/reconcile';
import { splitSurveyPlan, type PlannedSurveyStep } from '../../domain/surveys/plan';
import { syncOnChange, type ScheduleArea } from '../schedules/sync-event-schedules';

/** An event's survey mails (invitation, optional reminder): one schedule each, firing `Survey Due`. */
export const surveySchedules: ScheduleArea<PlannedSurveyStep> = {
  name: 'Survey',
  records: scheduleRecords('SURVEY'),
  changes: (conference, now, recorded) =>
    reconcileSchedules(conference ? splitSurveyPlan(conference, now) : NOTHING_PLANNED, recorded),
  upsert: (eventId, s) =>
    upsertSchedule(s.scheduleName, new Date(s.dueAt), SurveyDue, { eventId, step: s.step, dueAt: s.dueAt }),
};

/** Publication, cancellation, or an update that moved times: the survey schedules follow. */
export const syncSurveyOnChange = syncOnChange(surveySchedules);
