/**
 * The pieces every registration-related mail shares (inline styles, the day's details, the delegate's
 * sessions, the manage link and footer), as handlebars source; each template escapes what they fill in.
 */
export const style = {
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

/**
 * A whole mail document around `content` (itself template source): the head every Convene mail has,
 * titled by the view's `subject`, and the centred column.
 */
export const mailDocumentHtml = (content: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{subject}}</title>
</head>
<body style="${style.body}">
<div style="${style.column}">
${content}</div>
</body>
</html>
`;

/** When, the time zone note where needed, and where. */
export const dayDetailsHtml = `<p style="${style.p}"><strong>When:</strong> {{when}}</p>
{{#if timezoneNote}}
<p style="${style.p}">{{timezoneNote}}</p>
{{/if}}
<p style="${style.p}"><strong>Where:</strong> {{venueName}}{{#if venueAddress}}, {{venueAddress}}{{/if}}</p>
`;

/** The sessions booked and those on a waiting list. */
export const sessionListsHtml = `{{#if hasBooked}}
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
`;

/** Why the mail came and whom to ask; `more` (template source) is added at its end. */
export const footerHtml = (
  more = '',
): string => `<p style="${style.footer}">You are receiving this email because you registered for {{eventTitle}}. Questions? Contact {{organiserName}} at <a href="mailto:{{organiserEmail}}">{{organiserEmail}}</a>.${more}</p>
`;

/** The manage button (with `label` as its text, itself template source), the link spelled out, and the footer. */
export const manageAndFooterHtml = (
  label: string,
): string => `<p style="margin:24px 0 12px;"><a href="{{manageUrl}}" style="${style.button}">${label}</a></p>
<p style="${style.p}">If the button does not work, copy this link into your browser:<br><a href="{{manageUrl}}" style="word-break: break-all;">{{manageUrl}}</a></p>
${footerHtml()}`;
