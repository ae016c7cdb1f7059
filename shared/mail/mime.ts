import MailComposer from 'nodemailer/lib/mail-composer';
import { now } from '../clock';
import type { CalendarMethod } from './calendar';
import type { InlineImage } from './check-in-qr';
import { singleLine } from './single-line';

export interface OutgoingMail {
  /** An RFC 5322 address, e.g. `"Convene Events" <events@convene.example>`. */
  readonly from: string;
  readonly to: { readonly name: string; readonly address: string };
  /** Where replies go when not to the sender: the event's own contact. */
  readonly replyTo?: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly calendar?: { readonly method: CalendarMethod; readonly content: string };
  /** Images the HTML shows by `cid:` (the check-in QR code), sent with it in a multipart/related part. */
  readonly images?: readonly InlineImage[];
  /** Extra headers (List-Unsubscribe, a ledger id...). Values are made single-line like every other header. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** RFC 5322 field-name: printable ASCII except the colon. */
const FIELD_NAME = /^[!-9;-~]+$/;

/** Headers MailComposer writes from the message itself; an extra header must not replace or repeat them. */
const COMPOSED_HEADERS = new Set([
  'from',
  'sender',
  'to',
  'cc',
  'bcc',
  'reply-to',
  'subject',
  'date',
  'message-id',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'content-disposition',
]);

const extraHeaders = (headers: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(headers).map(([key, value]) => {
      if (!FIELD_NAME.test(key)) throw new Error(`Not a valid header name: ${JSON.stringify(key)}`);
      if (COMPOSED_HEADERS.has(key.toLowerCase())) throw new Error(`${key} cannot be set as an extra header`);
      return [key, singleLine(value)];
    }),
  );

/**
 * The whole RFC 5322 message (CRLF line ends): text and HTML as alternatives, the HTML with its inline
 * images in a multipart/related part, and with a calendar both an inline text/calendar alternative and
 * an invite.ics attachment. Every header value is made single-line
 * first, so no user text can add a header; MailComposer encodes non-ASCII names and subjects per RFC 2047.
 */
export async function composeMime(mail: OutgoingMail): Promise<Buffer> {
  const composer = new MailComposer({
    from: singleLine(mail.from),
    to: { name: singleLine(mail.to.name), address: singleLine(mail.to.address) },
    ...(mail.replyTo
      ? { replyTo: { name: singleLine(mail.replyTo.name), address: singleLine(mail.replyTo.address) } }
      : {}),
    subject: singleLine(mail.subject),
    date: now(),
    text: mail.text,
    html: mail.html,
    ...(mail.calendar
      ? {
          icalEvent: { method: mail.calendar.method, content: mail.calendar.content, filename: 'invite.ics' },
        }
      : {}),
    ...(mail.images?.length
      ? {
          attachments: mail.images.map((image) => ({
            cid: image.cid,
            filename: image.filename,
            contentType: image.contentType,
            content: image.content,
            contentDisposition: 'inline' as const,
          })),
        }
      : {}),
    ...(mail.headers ? { headers: extraHeaders(mail.headers) } : {}),
    newline: 'win',
  });
  return composer.compile().build();
}
