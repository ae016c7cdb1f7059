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
 * Handlebars sources for the mails that tell delegates their event changed or was cancelled. HTML only
 * ever uses `{{ }}` (escaped): every value can hold the organiser's text.
 */

/** One thing that changed, written for a UK reader: what it was and what it is now. */
export interface ChangeLineView {
  readonly label: string;
  readonly before: string;
  readonly after: string;
}

/** Everything the templates read. Strict mode makes a missing field an error, so every key is always set. */
export interface EventChangeView extends DayView {
  readonly subject: string;
  readonly heading: string;
  readonly delegateName: string;
  readonly cancelled: boolean;
  readonly changes: readonly ChangeLineView[];
  readonly hasCalendar: boolean;
}

export const eventChangeHtml = mailDocumentHtml(`<h1 style="${style.h1}">{{heading}}</h1>
{{#if cancelled}}
<p style="${style.p}">Hello {{delegateName}}, we are sorry to tell you that {{eventTitle}} has been cancelled. You do not need to do anything: your registration ends with it.</p>
{{#if hasCalendar}}
<p style="${style.p}">The calendar entry attached removes the event from your calendar.</p>
{{/if}}
{{else}}
<p style="${style.p}">Hello {{delegateName}}, the organisers have changed {{eventTitle}}. Your registration stands; here is what changed.</p>
<ul style="${style.list}">
{{#each changes}}
<li><strong>{{label}}</strong><br>Was: {{before}}<br>Now: {{after}}</li>
{{/each}}
</ul>
{{#if hasCalendar}}
<p style="${style.p}">The calendar invite attached updates the entry already in your calendar.</p>
{{/if}}
<h2 style="${style.h2}">The day as it is now</h2>
${dayDetailsHtml}${sessionListsHtml}<p style="${style.p}">If you can no longer come, please cancel so that someone on the waiting list can have your place.</p>
{{/if}}
${manageAndFooterHtml('View your registration')}`);

export const eventChangeText = `{{heading}}

{{#if cancelled}}
Hello {{delegateName}}, we are sorry to tell you that {{eventTitle}} has been cancelled. You do not need to do anything: your registration ends with it.
{{#if hasCalendar}}
The calendar entry attached removes the event from your calendar.
{{/if}}
{{else}}
Hello {{delegateName}}, the organisers have changed {{eventTitle}}. Your registration stands; here is what changed.

{{#each changes}}
{{label}}
  Was: {{before}}
  Now: {{after}}
{{/each}}
{{#if hasCalendar}}

The calendar invite attached updates the entry already in your calendar.
{{/if}}

The day as it is now
${dayDetailsText}${sessionListsText}
If you can no longer come, please cancel so that someone on the waiting list can have your place.
{{/if}}

View your registration:
{{manageUrl}}

${footerText}`;
