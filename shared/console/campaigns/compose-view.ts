import type { Conference } from '../../domain/conference';
import { PLACEHOLDERS } from '../../mail/campaign-template';
import type { PageErrors } from '../../pages/form-errors';
import { choosableSessions, purposeWords, sessionLabel, statusWords } from './audience-words';
import type { CampaignFormValues } from './campaign-form';

/** The compose form's choices with what is chosen, each field's error message, and the placeholders. */
export const composeView = (conference: Conference, values: CampaignFormValues, errors: PageErrors) => ({
  values,
  errorOf: errors.byField,
  placeholders: PLACEHOLDERS.map((p) => `{{${p}}}`).join(', '),
  zone: conference.timezone,
  purposes: (['event', 'news'] as const).map((purpose) => ({
    value: purpose,
    text: purposeWords[purpose].label,
    hint: { text: purposeWords[purpose].hint },
    checked: values.purpose === purpose,
  })),
  statuses: statusWords.map((w) => ({
    value: w.status,
    text: w.label,
    ...(w.hint ? { hint: { text: w.hint } } : {}),
    checked: values.status.includes(w.status),
  })),
  workshops: [
    { value: '', text: 'Any workshop, or none', checked: values.sessionId === '' },
    ...choosableSessions(conference.sessions).map((s) => ({
      value: s.id,
      text: sessionLabel(s, conference.timezone),
      checked: values.sessionId === s.id,
    })),
  ],
  survey: conference.survey
    ? [
        { value: '', text: 'Whether or not they answered it', checked: values.survey === '' },
        { value: 'yes', text: 'Answered the survey', checked: values.survey === 'yes' },
        { value: 'no', text: 'Have not answered the survey', checked: values.survey === 'no' },
      ]
    : undefined,
});
