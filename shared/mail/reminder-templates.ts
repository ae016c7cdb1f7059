/**
 * Handlebars sources for reminder emails, one per part. TypeScript strings so esbuild bundles them.
 * The HTML template only ever uses `{{ }}` (escaped), never `{{{ }}}`: every value can hold user text,
 * the organiser's own words included.
 */

/** One session line: its title and when it runs, already written for a UK reader. */
export interface ReminderSessionView {
  readonly title: string;
  readonly when: string;
}

/** Everything the templates read. Strict mode makes a missing field an error, so every key is always set. */
export interface ReminderView {
  readonly subject: string;
  readonly delegateName: string;
  readonly eventTitle: string;
  /** "tomorrow", "today", "in 7 days" or "on Thursday 1 April 2027". */
  readonly relativeDay: string;
  /** The organiser's text: paragraphs of lines, for the HTML part. */
  readonly paragraphs: readonly (readonly string[])[];
  /** The same text as it was written, for the text part; empty when the step has none. */
  readonly organiserText: string;
  readonly hasOrganiserText: boolean;
  readonly when: string;
  readonly timezoneNote: string | null;
  readonly venueName: string;
  readonly venueAddress: string | null;
  readonly booked: readonly ReminderSessionView[];
  readonly waiting: readonly ReminderSessionView[];
  readonly hasBooked: boolean;
  readonly hasWaiting: boolean;
  readonly manageUrl: string;
  readonly organiserName: string;
  readonly organiserEmail: string;
}

const style = {
  body: 'margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;',
  column: 'max-width:600px;margin:0 auto;padding:24px;',
  h1: 'font-size:24px;line-height:1.3;margin:0 0 16px;',
  h2: 'font-size:18px;line-height:1.3;margin:24px 0 8px;',
  p: 'margin:0 0 12px;',
  list: 'margin:0 0 12px;padding-left:20px;',
  button:
    'display:inline-block;background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:4px;font-weight:bold;text-decoration:none;',
  footer: 'margin:32px 0 0;padding-top:16px;border-top:1px solid #d0d0d0;font-size:14px;color:#555555;',
};

export const reminderHtml = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="${style.body}">
<div style="${style.column}">
<h1 style="${style.h1}">{{eventTitle}} is {{relativeDay}}</h1>
<p style="${style.p}">Hello {{delegateName}}, this is a reminder that you have a place at {{eventTitle}}.</p>
{{#each paragraphs}}
<p style="${style.p}">{{#each this}}{{this}}{{#unless @last}}<br>{{/unless}}{{/each}}</p>
{{/each}}
<h2 style="${style.h2}">The day</h2>
<p style="${style.p}"><strong>When:</strong> {{when}}</p>
{{#if timezoneNote}}
<p style="${style.p}">{{timezoneNote}}</p>
{{/if}}
<p style="${style.p}"><strong>Where:</strong> {{venueName}}{{#if venueAddress}}, {{venueAddress}}{{/if}}</p>
{{#if hasBooked}}
<h2 style="${style.h2}">Your sessions</h2>
<ul style="${style.list}">
{{#each booked}}
<li><strong>{{title}}</strong><br>{{when}}</li>
{{/each}}
</ul>
{{/if}}
{{#if hasWaiting}}
<h2 style="${style.h2}">Waiting list</h2>
<ul style="${style.list}">
{{#each waiting}}
<li><strong>{{title}}</strong><br>{{when}}</li>
{{/each}}
</ul>
{{/if}}
<p style="${style.p}">If you can no longer come, please cancel so that someone on the waiting list can have your place.</p>
<p style="margin:24px 0 12px;"><a href="{{manageUrl}}" style="${style.button}">Manage your registration</a></p>
<p style="${style.p}">If the button does not work, copy this link into your browser:<br><a href="{{manageUrl}}" style="word-break: break-all;">{{manageUrl}}</a></p>
<p style="${style.footer}">You are receiving this email because you registered for {{eventTitle}}. Questions? Contact {{organiserName}} at <a href="mailto:{{organiserEmail}}">{{organiserEmail}}</a>.</p>
</div>
</body>
</html>
`;

export const reminderText = `{{eventTitle}} is {{relativeDay}}

Hello {{delegateName}}, this is a reminder that you have a place at {{eventTitle}}.
{{#if hasOrganiserText}}

{{organiserText}}
{{/if}}

The day
When: {{when}}
{{#if timezoneNote}}
{{timezoneNote}}
{{/if}}
Where: {{venueName}}{{#if venueAddress}}, {{venueAddress}}{{/if}}
{{#if hasBooked}}

Your sessions
{{#each booked}}
- {{title}}: {{when}}
{{/each}}
{{/if}}
{{#if hasWaiting}}

Waiting list
{{#each waiting}}
- {{title}}: {{when}}
{{/each}}
{{/if}}

If you can no longer come, please cancel so that someone on the waiting list can have your place.

Manage your registration:
{{manageUrl}}

----
You are receiving this email because you registered for {{eventTitle}}.
Questions? Contact {{organiserName}} at {{organiserEmail}}.
`;
