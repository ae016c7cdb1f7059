/**
 * The pages a delegate sees from the unsubscribe link in a campaign mail. The link opens a page with a
 * button (a GET changes nothing, so a link scanner or a mail client prefetching links unsubscribes no one);
 * the button POSTs the same URL, as a one-click client (RFC 8058) does. Plain HTML, no script, no assets:
 * the response's CSP allows inline styles and a form posting to this origin only.
 */

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const page = (title: string, body: string): string => `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; color: #1b1b1b; line-height: 1.5; }
button { font: inherit; padding: 0.6rem 1.4rem; border: 0; border-radius: 4px; background: #1d4f91; color: #fff; cursor: pointer; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${body}
</body>
</html>
`;

/** The page the link opens: what unsubscribing means, and the button that does it. */
export const confirmPage = (token: string): string =>
  page(
    'Unsubscribe from event updates',
    `<p>Stop the news and updates that event organisers send through Convene to the address this link was sent to?</p>
<p>You will still get emails about your own registrations: confirmations, reminders and changes to your place.</p>
<form method="post" action="?token=${escapeHtml(encodeURIComponent(token))}">
<button type="submit">Unsubscribe</button>
</form>`,
  );

/** After the POST, for a browser. */
export const donePage = (addressHeld: boolean): string =>
  addressHeld
    ? page(
        'You are unsubscribed',
        `<p>Convene will send no more event updates to this address.</p>
<p>Emails about your own registrations (confirmations, reminders, changes to your place) still come.</p>`,
      )
    : page(
        'Nothing more will be sent',
        '<p>Your details for this registration have been erased, so Convene has no address to send to.</p>',
      );

export const invalidLinkPage = (): string =>
  page(
    'This link does not work',
    '<p>This unsubscribe link is not valid. Check that you opened the whole link from the email.</p>',
  );

export const expiredLinkPage = (): string =>
  page(
    'This link has expired',
    '<p>This unsubscribe link has expired. Use the unsubscribe link in a more recent email.</p>',
  );
