import { CAMPAIGN_CONTENT_LIMITS as limits } from '../../domain/campaigns/content-limits';
import type { FieldProblem } from '../../domain/errors';
import { pageErrors, type FieldCopy, type PageErrors } from '../../pages/form-errors';
import type { CampaignFormValues } from './campaign-form';

type TextField = keyof typeof limits;

const messageOn = (problems: readonly FieldProblem[], path: string): string | undefined =>
  problems.find((p) => p.path === path || p.path.startsWith(`${path}.`))?.message;

/** A subject, text or HTML the schema or the template check refused, in GOV.UK's words for its value. */
const textMessage = (field: TextField, label: string, value: string, said: string | undefined): string => {
  if (value.trim() === '') return `Enter ${label.toLowerCase()}`;
  if (value.trim().length > limits[field]) {
    return `${label} must be ${limits[field].toLocaleString('en-GB')} characters or less`;
  }
  if (said?.startsWith('Must be one line')) return `${label} must be one line of text`;
  if (said?.startsWith('Must not contain control')) {
    return `${label} must not include special characters that cannot be typed`;
  }
  // The template check's own words: which placeholder is unknown, and what to write instead.
  return said ?? `Check ${label.toLowerCase()}`;
};

/** When to send it, refused: unreadable, not a real day, a skipped hour, in the past or too far ahead. */
const sendAtMessage = (said: string | undefined): string => {
  if (said === undefined) return 'Enter the date and the time to send it';
  if (said.startsWith('Not a real date')) return 'Enter a real date, for example 27 3 2027';
  if (said.includes('does not exist')) {
    return 'That time does not exist on that day because the clocks go forward. Choose another time';
  }
  if (said === 'Must be in the future') return 'The time to send it must be in the future';
  if (said.startsWith('Must be within')) return 'The time to send it must be within a year';
  return said;
};

/**
 * The compose form's fields in page order with what to say when each is refused. `problems` are the
 * schema's, the use-case's, or the page's own (no one to send to); a template problem keeps its words.
 */
export const campaignFieldCopy = (
  values: CampaignFormValues,
  problems: readonly FieldProblem[],
): FieldCopy[] => {
  const said = (path: string) => messageOn(problems, path);
  return [
    {
      path: 'subject',
      id: 'subject',
      message: textMessage('subject', 'A subject', values.subject, said('subject')),
    },
    { path: 'text', id: 'text', message: textMessage('text', 'The message', values.text, said('text')) },
    { path: 'html', id: 'html', message: textMessage('html', 'The HTML version', values.html, said('html')) },
    { path: 'purpose', id: 'purpose', message: 'Select what the campaign is about' },
    {
      path: 'audience.status',
      id: 'status',
      message:
        values.status.length === 0
          ? 'Select who should get it'
          : (said('audience.status') ?? 'Select who should get it'),
    },
    { path: 'audience.sessionId', id: 'sessionId', message: 'Select a workshop from the list' },
    { path: 'audience.surveyResponded', id: 'survey', message: 'Select whether they answered the survey' },
    { path: 'sendAt', id: 'sendAt-day', message: sendAtMessage(said('sendAt')) },
  ];
};

/** The refused form's error summary and each field's message; a problem on no field links to `fallback`. */
export const campaignFormErrors = (
  values: CampaignFormValues,
  problems: readonly FieldProblem[],
  fallback: string,
): PageErrors => pageErrors(problems, campaignFieldCopy(values, problems), { id: fallback });
