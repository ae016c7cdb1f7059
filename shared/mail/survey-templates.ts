import { footerText } from './text-fragments';
import { footerHtml, mailDocumentHtml, style } from './html-fragments';
/**
 * Handlebars sources for survey mails (invitation and reminder), one per part. TypeScript strings so
 * esbuild bundles them. The HTML only ever uses `{{ }}` (escaped): titles and names are user text.
 */

/** Everything the templates read. Strict mode makes a missing field an error, so every key is always set. */
export interface SurveyView {
  readonly subject: string;
  readonly heading: string;
  readonly delegateName: string;
  readonly eventTitle: string;
  /** "Thursday 1 April 2027". */
  readonly eventDay: string;
  readonly isReminder: boolean;
  /** "5 questions", "1 question". */
  readonly questionCount: string;
  /** "Thursday 15 April 2027 at 09:00". */
  readonly closes: string;
  readonly surveyUrl: string;
  /** Only on mail that honours unsubscribes (the reminder). */
  readonly unsubscribeUrl: string | null;
  readonly organiserName: string;
  readonly organiserEmail: string;
}

export const surveyHtml = mailDocumentHtml(`<h1 style="${style.h1}">{{heading}}</h1>
<p style="${style.p}">Hello {{delegateName}},</p>
{{#if isReminder}}
<p style="${style.p}">A few days ago we asked what you thought of {{eventTitle}} on {{eventDay}}. If you have a couple of minutes, your answers still count.</p>
{{else}}
<p style="${style.p}">Thank you for being part of {{eventTitle}} on {{eventDay}}. Would you tell us how it went for you? There are {{questionCount}}; it takes a couple of minutes.</p>
{{/if}}
<p style="${style.p}">Your answers are kept apart from your name: organisers see them only together with everyone else's.</p>
<p style="margin:24px 0 12px;"><a href="{{surveyUrl}}" style="${style.button}">Answer the survey</a></p>
<p style="${style.p}">If the button does not work, copy this link into your browser:<br><a href="{{surveyUrl}}" style="word-break: break-all;">{{surveyUrl}}</a></p>
<p style="${style.p}">The survey closes on {{closes}}.</p>
${footerHtml('{{#if unsubscribeUrl}} To stop emails like this one, <a href="{{unsubscribeUrl}}">unsubscribe</a>.{{/if}}')}`);

export const surveyText = `{{heading}}

Hello {{delegateName}},

{{#if isReminder}}
A few days ago we asked what you thought of {{eventTitle}} on {{eventDay}}. If you have a couple of minutes, your answers still count.
{{else}}
Thank you for being part of {{eventTitle}} on {{eventDay}}. Would you tell us how it went for you? There are {{questionCount}}; it takes a couple of minutes.
{{/if}}

Your answers are kept apart from your name: organisers see them only together with everyone else's.

Answer the survey:
{{surveyUrl}}

The survey closes on {{closes}}.

${footerText}{{#if unsubscribeUrl}}
To stop emails like this one, unsubscribe: {{unsubscribeUrl}}
{{/if}}
`;
