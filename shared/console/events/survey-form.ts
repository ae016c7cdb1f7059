import type { SurveyPlan } from '../../domain/conference';
import type { FieldProblem } from '../../domain/errors';
import { type FieldRule, numberMessage, textMessage, wholeNumberOf } from './field-rules';
import { timeOfDayOf } from './time-fields';
import { rowName } from './row-names';

export const QuestionKinds = ['rating', 'nps', 'choice', 'text'] as const;

/** One question as typed; `options` one per line. `id` is kept for a saved question (answers name it). */
export interface QuestionRow {
  readonly id: string;
  readonly kind: string;
  readonly prompt: string;
  readonly options: string;
  readonly required: boolean;
  readonly remove: boolean;
}

/** The survey form as typed: when the invitation (and its reminder) go, how long it stays open, the questions. */
export interface SurveyValues {
  readonly daysAfter: string;
  readonly at: string;
  readonly closesAfterDays: string;
  readonly reminderDaysAfter: string;
  readonly reminderAt: string;
  readonly questions: readonly QuestionRow[];
}

export const BLANK_QUESTION_ROWS = 2;

const blankQuestion: QuestionRow = {
  id: '',
  kind: 'rating',
  prompt: '',
  options: '',
  required: false,
  remove: false,
};

/** The saved survey in the boxes an organiser edits; a first survey starts the day after at 10:00. */
export const surveyValuesOf = (survey: SurveyPlan | undefined): SurveyValues => {
  const saved = survey?.questions ?? [];
  return {
    daysAfter: String(survey?.daysAfter ?? 1),
    at: survey?.at ?? '10:00',
    closesAfterDays: survey?.closesAfterDays === undefined ? '' : String(survey.closesAfterDays),
    reminderDaysAfter: survey?.reminder ? String(survey.reminder.daysAfter) : '',
    reminderAt: survey?.reminder?.at ?? '',
    questions: [
      ...saved.map((q) => ({
        id: q.id,
        kind: q.kind,
        prompt: q.prompt,
        options: (q.options ?? []).join('\n'),
        required: q.required ?? false,
        remove: false,
      })),
      ...Array.from({ length: saved.length > 0 ? BLANK_QUESTION_ROWS : 4 }, () => blankQuestion),
    ],
  };
};

const ROW_FIELD = /^question-(\d+)-/;

export const readSurveyValues = (fields: Readonly<Record<string, string>>): SurveyValues => ({
  daysAfter: fields['survey-daysAfter'] ?? '',
  at: fields['survey-at'] ?? '',
  closesAfterDays: fields['survey-closesAfterDays'] ?? '',
  reminderDaysAfter: fields['survey-reminder-daysAfter'] ?? '',
  reminderAt: fields['survey-reminder-at'] ?? '',
  questions: [...new Set(Object.keys(fields).flatMap((name) => ROW_FIELD.exec(name)?.[1] ?? []))]
    .sort((a, b) => Number(a) - Number(b))
    .map((r) => {
      const field = (name: string) => fields[`question-${r}-${name}`] ?? '';
      return {
        id: field('id'),
        kind: field('kind'),
        prompt: field('prompt'),
        options: field('options'),
        required: field('required') !== '',
        remove: field('remove') !== '',
      };
    }),
});

const slug = (prompt: string): string =>
  prompt
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '') || 'question';

const isBlank = (row: QuestionRow): boolean => row.id === '' && `${row.prompt}${row.options}`.trim() === '';

const linesOf = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * The `survey` PATCH /events/{id} takes: removed and blank questions left out, a new question given an
 * id from its words (answers and exports name it), options one per line, a blank close or reminder
 * left out. `rowOf[n]` is the row that sent `questions[n]`.
 */
export const surveyRequest = (values: SurveyValues): { survey: Record<string, unknown>; rowOf: number[] } => {
  const rowOf: number[] = [];
  const sent = values.questions.flatMap((row, r) => (row.remove || isBlank(row) ? [] : [{ row, r }]));
  const taken = new Set(sent.flatMap(({ row }) => (row.id ? [row.id] : [])));
  const questions = sent.map(({ row, r }) => {
    rowOf.push(r);
    let id = row.id;
    if (id === '') {
      const base = slug(row.prompt);
      id = base;
      for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
      taken.add(id);
    }
    const options = linesOf(row.options);
    return {
      id,
      kind: row.kind,
      prompt: row.prompt,
      ...(row.kind === 'choice' || options.length > 0 ? { options } : {}),
      ...(row.required ? { required: true } : {}),
    };
  });
  const reminderTyped = `${values.reminderDaysAfter}${values.reminderAt}`.trim() !== '';
  return {
    survey: {
      daysAfter: wholeNumberOf(values.daysAfter),
      at: timeOfDayOf(values.at) ?? values.at.trim(),
      ...(values.closesAfterDays.trim() === ''
        ? {}
        : { closesAfterDays: wholeNumberOf(values.closesAfterDays) }),
      ...(reminderTyped
        ? {
            reminder: {
              daysAfter: wholeNumberOf(values.reminderDaysAfter),
              at: timeOfDayOf(values.reminderAt) ?? values.reminderAt.trim(),
            },
          }
        : {}),
      questions,
    },
    rowOf,
  };
};

/**
 * Problems on a whole list or step (no questions at all; a reminder at the wrong time) named as one of
 * their own, so they are not taken for a problem with every question or both reminder boxes.
 */
export const surveyProblems = (problems: readonly FieldProblem[]): FieldProblem[] =>
  problems.map((p) =>
    p.path === 'survey.questions' || p.path === 'survey.reminder' ? { ...p, path: `${p.path}.whole` } : p,
  );

export const questionFieldId = (row: number, field: 'kind' | 'prompt' | 'options') =>
  `question-${row}-${field}`;

const timeMessage = (typed: string, what: string, like: string): string =>
  typed.trim() === ''
    ? `Enter the time the ${what} goes`
    : `Enter the time the ${what} goes using the 24-hour clock, like ${like}`;

/** The survey form's fields in page order and what to say about each (problems as `surveyProblems` names them). */
export const surveyRules = (values: SurveyValues, rowOf: readonly number[]): FieldRule[] => [
  {
    path: 'survey.daysAfter',
    id: 'survey-daysAfter',
    say: () =>
      numberMessage(values.daysAfter, {
        blank: 'Enter how many days after the event the invitation goes',
        notWhole: 'Enter the days as a whole number, like 1',
        range: 'Enter a number of days from 0 to 60',
      }),
  },
  {
    path: 'survey.at',
    id: 'survey-at',
    say: (p) => {
      if (timeOfDayOf(values.at) === undefined) return timeMessage(values.at, 'invitation', '10:00');
      if (/has passed/.test(p.message))
        return 'That time has passed, so the invitation would never go: choose a later day or time';
      return 'The invitation must go after the event ends: choose a later time, or more days after';
    },
  },
  {
    path: 'survey.closesAfterDays',
    id: 'survey-closesAfterDays',
    say: () =>
      numberMessage(values.closesAfterDays, {
        blank: '',
        notWhole: 'Enter the days as a whole number, like 14',
        range: 'Enter a number of days from 1 to 90',
      }),
  },
  {
    path: 'survey.reminder.daysAfter',
    id: 'survey-reminder-daysAfter',
    say: () =>
      numberMessage(values.reminderDaysAfter, {
        blank: 'Enter how many days after the event the reminder goes, or leave both reminder boxes blank',
        notWhole: 'Enter the days as a whole number, like 5',
        range: 'Enter a number of days from 0 to 90',
      }),
  },
  {
    path: 'survey.reminder.at',
    id: 'survey-reminder-at',
    say: () => timeMessage(values.reminderAt, 'reminder', '10:00'),
  },
  {
    path: 'survey.reminder.whole',
    id: 'survey-reminder-daysAfter',
    say: () => 'The reminder must go after the invitation and before the survey closes',
  },
  {
    path: 'survey.questions.whole',
    id: questionFieldId(0, 'prompt'),
    say: () => 'Add at least one question',
  },
  ...rowOf.flatMap((r, n): FieldRule[] => {
    const row = values.questions[r]!;
    const path = `survey.questions.${n}`;
    const { heading, mention: question } = rowName('Question', r);
    return [
      {
        path: `${path}.kind`,
        id: questionFieldId(r, 'kind'),
        say: () => `Choose the kind of answer ${question} takes`,
      },
      {
        path: `${path}.prompt`,
        id: questionFieldId(r, 'prompt'),
        say: () => textMessage(row.prompt, `Enter the wording of ${question}`, heading, 500),
      },
      { path: `${path}.id`, id: questionFieldId(r, 'prompt'), say: (p) => p.message },
      {
        path: `${path}.options`,
        id: questionFieldId(r, 'options'),
        say: (p) => {
          if (/Only choice/.test(p.message))
            return `${heading} is not a choice question: remove its options, or make it a choice question`;
          const options = linesOf(row.options);
          if (options.some((o) => o.length > 200))
            return `Each option of ${question} must be 200 characters or less`;
          if (options.length > 20) return `Enter 20 options or fewer for ${question}`;
          return `Enter at least two options for ${question}, one on each line`;
        },
      },
    ];
  }),
];
