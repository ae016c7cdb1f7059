import Handlebars from 'handlebars';
import { formatDayForUk, formatMomentForUk, isValidZone } from '../domain/wall-clock';
import { singleLine } from './single-line';
import { surveyHtml, surveyText, type SurveyView } from './survey-templates';

export interface SurveyMessageInput {
  readonly step: 'invitation' | 'reminder';
  readonly delegate: { readonly name: string };
  readonly event: {
    readonly title: string;
    readonly timezone: string;
    /** UTC ISO instants. */
    readonly startsAt: string;
  };
  readonly questionCount: number;
  readonly closesAt: Date;
  readonly surveyUrl: string;
  /** Given for mail that honours unsubscribes (the reminder): a footer link. */
  readonly unsubscribeUrl?: string;
}

export interface RenderedSurveyMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

// An isolated environment; strict: a field missing from the view throws; knownHelpersOnly: only the
// built-in helpers (if, each) can be called.
const hbs = Handlebars.create();
const options = { strict: true, knownHelpersOnly: true } as const;
const templates = {
  html: hbs.compile<SurveyView>(surveyHtml, options),
  text: hbs.compile<SurveyView>(surveyText, { ...options, noEscape: true }),
};

// Links go into hrefs: only web addresses, never javascript: or data:.
const checkUrl = (url: string, field: string): void => {
  const protocol = URL.canParse(url) ? new URL(url).protocol : undefined;
  if (protocol !== 'https:' && protocol !== 'http:')
    throw new Error(`${field} must be an http(s) URL: ${url}`);
};

/** The invitation to the event's survey, or the reminder to answer it: pure, from what it is given. */
export const renderSurveyMessage = (
  input: SurveyMessageInput,
  organiser: { readonly name: string; readonly email: string },
): RenderedSurveyMail => {
  if (!isValidZone(input.event.timezone)) throw new Error(`Unknown time zone: ${input.event.timezone}`);
  checkUrl(input.surveyUrl, 'surveyUrl');
  if (input.unsubscribeUrl !== undefined) checkUrl(input.unsubscribeUrl, 'unsubscribeUrl');
  const zone = input.event.timezone;
  const eventTitle = singleLine(input.event.title);
  const isReminder = input.step === 'reminder';
  const subject = isReminder
    ? `Reminder: your feedback on ${eventTitle}`
    : `How was ${eventTitle}? Your feedback, please`;
  const view: SurveyView = {
    subject,
    heading: isReminder ? `There is still time to tell us about ${eventTitle}` : `How was ${eventTitle}?`,
    delegateName: singleLine(input.delegate.name),
    eventTitle,
    eventDay: formatDayForUk(new Date(input.event.startsAt), zone),
    isReminder,
    questionCount: `${input.questionCount} question${input.questionCount === 1 ? '' : 's'}`,
    closes: formatMomentForUk(input.closesAt, zone),
    surveyUrl: input.surveyUrl,
    unsubscribeUrl: input.unsubscribeUrl ?? null,
    organiserName: singleLine(organiser.name),
    organiserEmail: singleLine(organiser.email),
  };
  return { subject, text: templates.text(view).replace(/\n{3,}/g, '\n\n'), html: templates.html(view) };
};
