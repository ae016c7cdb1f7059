import { sesFromAddress } from '../../adapters/ses';
import type { Contact } from '../../domain/conference';
import type { OutgoingMail } from '../../mail/mime';
import { senderParts } from '../../mail/sender';

/** Whom a mail about the event names for questions: the event's contact, else the sender. */
export const contactOf = (conference: { readonly contact?: Contact }): Contact =>
  conference.contact ?? senderParts(sesFromAddress);

/** Replies to a mail about the event go to its contact; without one, to the sender as usual. */
export const replyToOf = (conference: { readonly contact?: Contact }): Pick<OutgoingMail, 'replyTo'> =>
  conference.contact ? { replyTo: { name: conference.contact.name, address: conference.contact.email } } : {};
