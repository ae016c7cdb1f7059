import type { Conference, SurveyPlan } from '../conference/conference';
import { DEFAULT_SURVEY_OPEN_DAYS } from '../conference/conference';
import type { FieldProblem } from '../errors';
import type { SplitPlan, TimedSchedule } from '../schedules/reconcile';
import { dayOffsetAt } from '../wall-clock';

/** What the survey plan needs to know of an event. */
export type SurveyPlannedEvent = Pick<Conference, 'eventId' | 'status' | 'timezone' | 'endsAt' | 'survey'>;

/** The survey's two mails: the invitation, and the optional reminder to those who have not answered. */
export type SurveyStep = 'invitation' | 'reminder';

export interface PlannedSurveyStep extends TimedSchedule {
  readonly step: SurveyStep;
}

/** Every survey schedule of an event starts with this, so areas sharing the schedule group never clash. */
export const surveySchedulePrefix = (eventId: string): string => `srv-${eventId}-`;

const stepDue = (endsAt: Date, zone: string, at: { daysAfter: number; at: string }): Date =>
  dayOffsetAt(endsAt, zone, at.daysAfter, at.at);

/**
 * When a survey plan's mails go and when it stops taking answers: the invitation `daysAfter` calendar
 * days after the event's last day at `at`, the reminder likewise, and the close `closesAfterDays`
 * calendar days after the invitation at the same time of day (all in the event's zone, so a clock change
 * in between moves nothing).
 */
export const surveyTimes = (
  survey: Pick<SurveyPlan, 'daysAfter' | 'at' | 'closesAfterDays' | 'reminder'>,
  endsAt: Date,
  zone: string,
): { invitation: Date; reminder?: Date; closesAt: Date } => {
  const invitation = stepDue(endsAt, zone, survey);
  const closesAt = dayOffsetAt(
    invitation,
    zone,
    survey.closesAfterDays ?? DEFAULT_SURVEY_OPEN_DAYS,
    survey.at,
  );
  return {
    invitation,
    ...(survey.reminder ? { reminder: stepDue(endsAt, zone, survey.reminder) } : {}),
    closesAt,
  };
};

/** What is wrong with a survey plan's times for an event ending at `endsAt`: paths as API.md's details. */
export const surveyTimeProblems = (survey: SurveyPlan, endsAt: Date, zone: string): FieldProblem[] => {
  const times = surveyTimes(survey, endsAt, zone);
  const problems: FieldProblem[] = [];
  if (times.invitation <= endsAt) {
    problems.push({
      path: 'survey.at',
      message: 'The invitation must go after the event ends: use a later time or more daysAfter',
    });
  }
  if (times.reminder && (times.reminder <= times.invitation || times.reminder >= times.closesAt)) {
    problems.push({
      path: 'survey.reminder',
      message: 'The reminder must go after the invitation and before the survey closes',
    });
  }
  return problems;
};

/** The event's survey mails with their instants, soonest first; none where the event has no survey. */
export const surveyPlan = (event: SurveyPlannedEvent): PlannedSurveyStep[] => {
  if (!event.survey) return [];
  const times = surveyTimes(event.survey, new Date(event.endsAt), event.timezone);
  const planned = (step: SurveyStep, at: Date): PlannedSurveyStep => ({
    step,
    dueAt: at.toISOString(),
    scheduleName: `${surveySchedulePrefix(event.eventId)}${step}`,
  });
  return [
    planned('invitation', times.invitation),
    ...(times.reminder ? [planned('reminder', times.reminder)] : []),
  ];
};

/** Which survey mails get a schedule as of `now`; past ones are never sent late. Published events only. */
export const splitSurveyPlan = (event: SurveyPlannedEvent, now: Date): SplitPlan<PlannedSurveyStep> => {
  if (event.status !== 'published') return { scheduled: [], skipped: [] };
  const plan = surveyPlan(event);
  const past = (s: PlannedSurveyStep) => new Date(s.dueAt).getTime() <= now.getTime();
  return { scheduled: plan.filter((s) => !past(s)), skipped: plan.filter(past) };
};

/** The step a `Survey Due` names, if the event's current plan still has it at that very instant. */
export const currentSurveyStep = (
  event: SurveyPlannedEvent,
  step: SurveyStep,
  dueAt: string,
): PlannedSurveyStep | undefined => {
  if (event.status !== 'published') return undefined;
  const planned = surveyPlan(event).find((s) => s.step === step);
  return planned && new Date(planned.dueAt).getTime() === new Date(dueAt).getTime() ? planned : undefined;
};

/** When the event's survey stops taking answers; undefined where it has none. */
export const surveyClosesAt = (event: SurveyPlannedEvent): Date | undefined =>
  event.survey ? surveyTimes(event.survey, new Date(event.endsAt), event.timezone).closesAt : undefined;

/**
 * When the event's survey closes, while it is open at `now`: undefined where there is none, the event
 * is no longer published (cancelled), or the close has passed. Links answer 410 and mail is not sent then.
 */
export const openSurveyClosesAt = (event: SurveyPlannedEvent, now: Date): Date | undefined => {
  const closesAt = surveyClosesAt(event);
  return event.status === 'published' && closesAt && now < closesAt ? closesAt : undefined;
};
