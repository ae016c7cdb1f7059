import type { FieldProblem } from '../../domain/errors';

/** What the organiser typed and chose, as typed: every page of the flow carries it, so nothing is lost. */
export interface CampaignFormValues {
  /** Made when the form was first shown: the same form sent twice creates one campaign. */
  readonly idempotencyKey: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** `event` or `news`. */
  readonly purpose: string;
  /** The audience's statuses (checkboxes). */
  readonly status: readonly string[];
  /** A workshop's session id, or blank for everyone whatever their workshop. */
  readonly sessionId: string;
  /** `yes` (answered the survey), `no` (not answered), or blank (either). */
  readonly survey: string;
  /** The send time's parts, in the event's zone; all blank to send it now. */
  readonly sendAtDay: string;
  readonly sendAtMonth: string;
  readonly sendAtYear: string;
  /** `09:00`, in the event's zone. */
  readonly sendAtTime: string;
}

/** What the form reads from a post: each field by name, repeated ones (the statuses) all. */
export interface PostedFields {
  readonly fields: Readonly<Record<string, string>>;
  all(name: string): readonly string[];
}

export const blankCampaignForm = (idempotencyKey: string): CampaignFormValues => ({
  idempotencyKey,
  subject: '',
  text: '',
  html: '',
  purpose: 'event',
  status: ['confirmed'],
  sessionId: '',
  survey: '',
  sendAtDay: '',
  sendAtMonth: '',
  sendAtYear: '',
  sendAtTime: '',
});

/** Browsers send a textarea's line breaks as CRLF: one kind of line break, so a form sent again is the same. */
const lines = (value: string): string => value.replace(/\r\n?/g, '\n');

export const readCampaignValues = ({ fields, all }: PostedFields): CampaignFormValues => {
  const field = (name: string): string => fields[name] ?? '';
  return {
    idempotencyKey: field('idempotencyKey'),
    subject: field('subject'),
    text: lines(field('text')),
    html: lines(field('html')),
    purpose: field('purpose'),
    status: all('status'),
    sessionId: field('sessionId'),
    survey: field('survey'),
    sendAtDay: field('sendAt-day'),
    sendAtMonth: field('sendAt-month'),
    sendAtYear: field('sendAt-year'),
    sendAtTime: field('sendAt-time'),
  };
};

/** The audience as the JSON route takes it, from the form's (or the live count's) choices. */
export const audienceOf = (values: Pick<CampaignFormValues, 'status' | 'sessionId' | 'survey'>) => ({
  status: [...values.status],
  ...(values.sessionId === '' ? {} : { sessionId: values.sessionId }),
  ...(values.survey === 'yes' ? { surveyResponded: true } : {}),
  ...(values.survey === 'no' ? { surveyResponded: false } : {}),
});

const TIME = /^(\d{1,2})[:.](\d{2})$/;
const WHOLE = /^\d{1,4}$/;

/**
 * The send time as wall-clock in the event's zone (`2027-03-04T09:00`), from the date's three boxes and
 * the time box; undefined when they do not make one. Whether that day exists and is ahead is the
 * use-case's to say.
 */
export const sendAtOf = (
  values: Pick<CampaignFormValues, 'sendAtDay' | 'sendAtMonth' | 'sendAtYear' | 'sendAtTime'>,
): string | undefined => {
  const [day, month, year] = [values.sendAtDay, values.sendAtMonth, values.sendAtYear].map((v) => v.trim());
  const time = TIME.exec(values.sendAtTime.trim());
  if (!time || ![day, month, year].every((v) => v !== undefined && WHOLE.test(v))) return undefined;
  if (year!.length !== 4 || Number(time[1]) > 23) return undefined;
  const two = (v: string) => v.padStart(2, '0');
  return `${year}-${two(month!)}-${two(day!)}T${two(time[1]!)}:${time[2]}`;
};

/** Any part of the send time typed means "at that time"; none means "now". */
export const sendsLater = (
  values: Pick<CampaignFormValues, 'sendAtDay' | 'sendAtMonth' | 'sendAtYear' | 'sendAtTime'>,
): boolean =>
  [values.sendAtDay, values.sendAtMonth, values.sendAtYear, values.sendAtTime].some((v) => v.trim() !== '');

export const SEND_AT_UNREADABLE = 'Enter the date and the time to send it';

/**
 * The body the JSON route would have been sent, unchecked (the caller checks it with the route's own
 * schema), and the problems only the form can have: a send time that is not a date and a time.
 */
export const campaignRequestOf = (
  values: CampaignFormValues,
): { request: Record<string, unknown>; problems: FieldProblem[] } => {
  const later = sendsLater(values);
  const sendAt = later ? sendAtOf(values) : undefined;
  return {
    request: {
      subject: values.subject,
      text: values.text,
      ...(values.html.trim() === '' ? {} : { html: values.html }),
      audience: audienceOf(values),
      ...(values.purpose === '' ? {} : { purpose: values.purpose }),
      ...(sendAt === undefined ? {} : { sendAt }),
    },
    problems: later && sendAt === undefined ? [{ path: 'sendAt', message: SEND_AT_UNREADABLE }] : [],
  };
};

/**
 * The values as the hidden fields of the preview's form, named as `readCampaignValues` reads them, so
 * "Send" and "Change the campaign" post exactly what was previewed.
 */
export const campaignFormFields = (values: CampaignFormValues): { name: string; value: string }[] => [
  { name: 'idempotencyKey', value: values.idempotencyKey },
  { name: 'subject', value: values.subject },
  { name: 'text', value: values.text },
  { name: 'html', value: values.html },
  { name: 'purpose', value: values.purpose },
  ...values.status.map((value) => ({ name: 'status', value })),
  { name: 'sessionId', value: values.sessionId },
  { name: 'survey', value: values.survey },
  { name: 'sendAt-day', value: values.sendAtDay },
  { name: 'sendAt-month', value: values.sendAtMonth },
  { name: 'sendAt-year', value: values.sendAtYear },
  { name: 'sendAt-time', value: values.sendAtTime },
];
