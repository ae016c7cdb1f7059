import { dayDetailsText, sessionListsText, footerText } from './text-fragments';
import {
  dayDetailsHtml,
  manageAndFooterHtml,
  sessionListsHtml,
  style,
  mailDocumentHtml,
} from './html-fragments';
import type { DayView } from './day-view';
/**
 * Handlebars sources for reminder emails, one per part. TypeScript strings so esbuild bundles them.
 * The HTML template only ever uses `{{ }}` (escaped), never `{{{ }}}`: every value can hold user text,
 * the organiser's own words included.
 */

export type { SessionView as ReminderSessionView } from './day-view';

/** Everything the templates read. Strict mode makes a missing field an error, so every key is always set. */
export interface ReminderView extends DayView {
  readonly subject: string;
  readonly delegateName: string;
  /** "tomorrow", "today", "in 7 days" or "on Thursday 1 April 2027". */
  readonly relativeDay: string;
  /** The organiser's text: paragraphs of lines, for the HTML part. */
  readonly paragraphs: readonly (readonly string[])[];
  /** The same text as it was written, for the text part; empty when the step has none. */
  readonly organiserText: string;
  readonly hasOrganiserText: boolean;
}

export const reminderHtml = mailDocumentHtml(`<h1 style="${style.h1}">{{eventTitle}} is {{relativeDay}}</h1>
<p style="${style.p}">Hello {{delegateName}}, this is a reminder that you have a place at {{eventTitle}}.</p>
{{#each paragraphs}}
<p style="${style.p}">{{#each this}}{{this}}{{#unless @last}}<br>{{/unless}}{{/each}}</p>
{{/each}}
<h2 style="${style.h2}">The day</h2>
${dayDetailsHtml}${sessionListsHtml}<p style="${style.p}">If you can no longer come, please cancel so that someone on the waiting list can have your place.</p>
${manageAndFooterHtml('Manage your registration')}`);

export const reminderText = `{{eventTitle}} is {{relativeDay}}

Hello {{delegateName}}, this is a reminder that you have a place at {{eventTitle}}.
{{#if hasOrganiserText}}

{{organiserText}}
{{/if}}

The day
${dayDetailsText}${sessionListsText}
If you can no longer come, please cancel so that someone on the waiting list can have your place.

Manage your registration:
{{manageUrl}}

${footerText}`;
