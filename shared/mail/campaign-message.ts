import { escapeHtml, type CompiledCampaign } from './campaign-template';
import { singleLine } from './single-line';

/** One recipient's values: the placeholders, and the unsubscribe link every campaign mail carries. */
export interface CampaignRecipient {
  readonly name: string;
  readonly eventTitle: string;
  readonly manageUrl: string;
  readonly unsubscribeUrl: string;
}

export interface CampaignMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const style = {
  body: 'margin:0;padding:0;background:#ffffff;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;',
  column: 'max-width:600px;margin:0 auto;padding:24px;',
  p: 'margin:0 0 12px;',
  footer: 'margin:32px 0 0;padding-top:16px;border-top:1px solid #d0d0d0;font-size:14px;color:#555555;',
};

const URL_IN_TEXT = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;

/** Plain text as HTML: escaped, paragraphs at blank lines, web addresses made links. */
const textAsHtml = (text: string): string =>
  text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => {
      const escaped = escapeHtml(paragraph).replace(URL_IN_TEXT, (url) => `<a href="${url}">${url}</a>`);
      return `<p style="${style.p}">${escaped.split('\n').join('<br>\n')}</p>`;
    })
    .join('\n');

/**
 * A campaign mail for one recipient: the organiser's subject, text and HTML with the placeholders filled
 * (escaped in HTML), and a footer saying why it came with a visible unsubscribe link (API.md). Without
 * an HTML part from the organiser, the HTML is the text, escaped.
 */
export const renderCampaignMessage = (compiled: CompiledCampaign, to: CampaignRecipient): CampaignMessage => {
  const parts = compiled({ name: to.name, event: { title: to.eventTitle }, manageUrl: to.manageUrl });
  const subject = singleLine(parts.subject);
  const why = `You are receiving this email because you registered for ${to.eventTitle}.`;
  const text = `${parts.text.trimEnd()}\n\n----\n${why}\nTo stop emails like this one, unsubscribe: ${to.unsubscribeUrl}\n`;
  const html = `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(subject)}</title>
</head>
<body style="${style.body}">
<div style="${style.column}">
${parts.html ?? textAsHtml(parts.text)}
<p style="${style.footer}">${escapeHtml(why)} To stop emails like this one, <a href="${escapeHtml(to.unsubscribeUrl)}">unsubscribe</a>.</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
};
