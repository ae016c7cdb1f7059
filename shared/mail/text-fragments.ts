/**
 * The pieces the text parts of registration-related mails share (the day's details, the delegate's
 * sessions, the footer), as handlebars source for templates compiled with `noEscape`.
 */

/** When, the time zone note where needed, and where. */
export const dayDetailsText = `When: {{when}}
{{#if timezoneNote}}
{{timezoneNote}}
{{/if}}
Where: {{venueName}}{{#if venueAddress}}, {{venueAddress}}{{/if}}
`;

/** The sessions booked and those on a waiting list, each list after a blank line. */
export const sessionListsText = `{{#if hasBooked}}

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
`;

/** Why the mail came and whom to ask. */
export const footerText = `----
You are receiving this email because you registered for {{eventTitle}}.
Questions? Contact {{organiserName}} at {{organiserEmail}}.
`;
