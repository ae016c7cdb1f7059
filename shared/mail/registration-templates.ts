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
 * Handlebars sources for the registration emails: one layout per part (HTML, text) and one opening
 * paragraph per situation, slotted into the layout as the `intro` partial. TypeScript strings rather than
 * .hbs files so esbuild bundles them into the Lambda with no file reads.
 *
 * HTML templates only ever use `{{ }}` (escaped), never `{{{ }}}`: every value can hold user text.
 */

export type { SessionView } from './day-view';

/** Everything the templates read. Strict mode makes a missing field an error, so every key is always set. */
export interface RegistrationView extends DayView {
  readonly subject: string;
  readonly heading: string;
  readonly delegateName: string;
  readonly showSessions: boolean;
  readonly hasCalendar: boolean;
  /** Shown while the delegate holds a place, for the registration desk. */
  readonly checkInCode: string | null;
  /** The code's QR image, sent inline with the mail (`cid:`), shown above the code; null without one. */
  readonly checkInQr: { readonly src: string; readonly width: number } | null;
  readonly manageLabel: string;
}

export type IntroKey = 'confirmed' | 'eventWaitlisted' | 'sessionsWaitlisted' | 'promoted' | 'cancelled';

export const htmlLayout = mailDocumentHtml(`<h1 style="${style.h1}">{{heading}}</h1>
{{> intro}}
<h2 style="${style.h2}">{{eventTitle}}</h2>
${dayDetailsHtml}{{#if showSessions}}
${sessionListsHtml}{{/if}}
{{#if checkInCode}}
<h2 style="${style.h2}">Check-in code</h2>
{{#if checkInQr}}
<p style="${style.p}"><img src="{{checkInQr.src}}" width="{{checkInQr.width}}" height="{{checkInQr.width}}" alt="QR code of your check-in code, {{checkInCode}}" style="display:block;border:0;"></p>
{{/if}}
<p style="${style.p}">Show this code at the registration desk{{#if checkInQr}}, on your phone or printed{{/if}}: <strong style="font-family:monospace;font-size:20px;letter-spacing:2px;">{{checkInCode}}</strong></p>
{{/if}}
${manageAndFooterHtml('{{manageLabel}}')}`);

export const textLayout = `{{heading}}

{{> intro}}

{{eventTitle}}
${dayDetailsText}{{#if showSessions}}
${sessionListsText}{{/if}}
{{#if checkInCode}}

Check-in code: {{checkInCode}}
Show this code at the registration desk.
{{/if}}

{{manageLabel}}:
{{manageUrl}}

${footerText}`;

const sessionWaitNote = {
  html: `{{#if hasWaiting}}
<p style="${style.p}">Some sessions you chose are full, so you are on their waiting list (listed below). We will email you if a place comes up.</p>
{{/if}}`,
  text: `{{#if hasWaiting}}

Some sessions you chose are full, so you are on their waiting list (listed below). We will email you if a place comes up.
{{/if}}`,
};

const calendarNote = {
  html: `{{#if hasCalendar}}
<p style="${style.p}">A calendar invitation is attached.</p>
{{/if}}`,
  text: `{{#if hasCalendar}}

A calendar invitation is attached.
{{/if}}`,
};

/** The opening paragraphs, the same words in both parts. */
export const intros: Readonly<Record<IntroKey, { readonly html: string; readonly text: string }>> = {
  confirmed: {
    html: `<p style="${style.p}">Hello {{delegateName}}, your place at {{eventTitle}} is confirmed.</p>
${sessionWaitNote.html}
${calendarNote.html}`,
    text: `Hello {{delegateName}}, your place at {{eventTitle}} is confirmed.
${sessionWaitNote.text}
${calendarNote.text}`,
  },
  eventWaitlisted: {
    html: `<p style="${style.p}">Hello {{delegateName}}, {{eventTitle}} is full at the moment, so you are on the waiting list. You do not have a place yet.</p>
<p style="${style.p}">You do not need to do anything: we will email you if a place comes up.</p>`,
    text: `Hello {{delegateName}}, {{eventTitle}} is full at the moment, so you are on the waiting list. You do not have a place yet.

You do not need to do anything: we will email you if a place comes up.`,
  },
  sessionsWaitlisted: {
    html: `<p style="${style.p}">Hello {{delegateName}}, you still have your place at {{eventTitle}}.</p>
<p style="${style.p}">The sessions listed under "Waiting list" are full, so you are on their waiting list. We will email you if a place comes up.</p>`,
    text: `Hello {{delegateName}}, you still have your place at {{eventTitle}}.

The sessions listed under "Waiting list" are full, so you are on their waiting list. We will email you if a place comes up.`,
  },
  promoted: {
    html: `<p style="${style.p}">Hello {{delegateName}}, good news: a place has come up at {{eventTitle}} and it is yours. You are booked.</p>
${sessionWaitNote.html}
${calendarNote.html}`,
    text: `Hello {{delegateName}}, good news: a place has come up at {{eventTitle}} and it is yours. You are booked.
${sessionWaitNote.text}
${calendarNote.text}`,
  },
  cancelled: {
    html: `<p style="${style.p}">Hello {{delegateName}}, your place at {{eventTitle}} is cancelled.</p>
<p style="${style.p}">If this is a mistake, or you would like to book again, use the link below.</p>
{{#if hasCalendar}}
<p style="${style.p}">A calendar cancellation is attached, so your calendar can remove the event.</p>
{{/if}}`,
    text: `Hello {{delegateName}}, your place at {{eventTitle}} is cancelled.

If this is a mistake, or you would like to book again, use the link below.
{{#if hasCalendar}}

A calendar cancellation is attached, so your calendar can remove the event.
{{/if}}`,
  },
};
