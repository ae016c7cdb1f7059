import { sesFromAddress } from '../../adapters/ses';
import type { Delegate } from '../../domain/registration';
import type { OutgoingMail } from '../../mail/mime';

/** The parts a renderer produced for one delegate. */
type Rendered = Pick<OutgoingMail, 'subject' | 'text' | 'html' | 'calendar' | 'replyTo'>;

/**
 * One delegate's mail from Convene's sender, tagged with its ledger entry (`X-Convene-Message`) and,
 * for mail that honours unsubscribes, the RFC 8058 one-click headers.
 */
export const outgoingTo = (
  delegate: Pick<Delegate, 'name' | 'email'>,
  rendered: Rendered,
  messageKey: string,
  unsubscribeUrl?: string,
): OutgoingMail => ({
  from: sesFromAddress,
  to: { name: delegate.name, address: delegate.email },
  subject: rendered.subject,
  text: rendered.text,
  html: rendered.html,
  ...(rendered.calendar ? { calendar: rendered.calendar } : {}),
  ...(rendered.replyTo ? { replyTo: rendered.replyTo } : {}),
  headers: {
    ...(unsubscribeUrl
      ? { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
      : {}),
    'X-Convene-Message': messageKey,
  },
});
