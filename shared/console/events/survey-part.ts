import type { ConferenceView } from '../../domain/conference';
import { surveyTimes } from '../../domain/surveys/plan';
import { formatMomentForUk } from '../../domain/wall-clock';
import { errorOf, type PartForm } from './part-form';
import {
  questionFieldId,
  QuestionKinds,
  readSurveyValues,
  surveyProblems,
  surveyRequest,
  surveyRules,
  surveyValuesOf,
  type SurveyValues,
} from './survey-form';
import { rowName } from './row-names';

const kindNames = {
  rating: 'Rating from 1 to 5',
  nps: 'How likely to recommend, 0 to 10',
  choice: 'Choice from a list',
  text: 'Written answer',
} as const;

/** When the survey's mails go and when it closes, in the event's zone. */
const timesOf = (
  survey: ConferenceView['survey'],
  endsAtUtc: string,
  zone: string,
): { invitation: string; reminder?: string; closes: string } | undefined => {
  if (!survey) return undefined;
  const times = surveyTimes(survey, new Date(endsAtUtc), zone);
  return {
    invitation: formatMomentForUk(times.invitation, zone),
    ...(times.reminder ? { reminder: formatMomentForUk(times.reminder, zone) } : {}),
    closes: formatMomentForUk(times.closesAt, zone),
  };
};

/** The survey after the event: its invitation, reminder and close, and its questions as the API models them. */
export const surveyPart: PartForm<SurveyValues> = {
  stored: (view) => surveyValuesOf(view.survey),
  read: readSurveyValues,
  request: (values) => {
    const { survey, rowOf } = surveyRequest(values);
    return {
      body: { survey },
      rules: () => surveyRules(values, rowOf),
      problems: surveyProblems,
      fallbackId: 'survey-daysAfter',
    };
  },
  model: (values, errors, view, { preview }) => ({
    timing: {
      daysAfter: { value: values.daysAfter, error: errorOf(errors, 'survey-daysAfter') },
      at: { value: values.at, error: errorOf(errors, 'survey-at') },
      closesAfterDays: { value: values.closesAfterDays, error: errorOf(errors, 'survey-closesAfterDays') },
      reminderDaysAfter: {
        value: values.reminderDaysAfter,
        error: errorOf(errors, 'survey-reminder-daysAfter'),
      },
      reminderAt: { value: values.reminderAt, error: errorOf(errors, 'survey-reminder-at') },
    },
    questions: values.questions.map((q, r) => ({
      legend: rowName('Question', r).heading,
      id: q.id,
      saved: q.id !== '',
      remove: q.remove,
      required: q.required,
      kind: {
        items: QuestionKinds.map((k) => ({ value: k, text: kindNames[k], selected: q.kind === k })),
        error: errorOf(errors, questionFieldId(r, 'kind')),
      },
      prompt: { value: q.prompt, error: errorOf(errors, questionFieldId(r, 'prompt')) },
      options: { value: q.options, error: errorOf(errors, questionFieldId(r, 'options')) },
    })),
    times: preview
      ? timesOf(preview.survey, preview.endsAt, preview.timezone)
      : timesOf(view.survey, view.endsAtUtc, view.timezone),
    previewed: preview !== undefined,
  }),
};
