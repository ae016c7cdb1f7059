import { EmailBounced, EmailComplaintReceived, EmailSent } from '../../events';
import type { FunctionSpec } from './types';

/** Delivery: what SES reports back (sent, bounced, complained), and the unsubscribe link of campaign mail. */
export const deliveryFunctions = {
  showUnsubscribePage: {
    entry: 'show-unsubscribe-page',
    description: 'Shows the page of the unsubscribe link, with its button; changes nothing',
    trigger: { kind: 'http', method: 'GET', path: '/unsubscribe', auth: 'public' },
    // The table: the event the mail was about, named at the top of the page and linked back to.
    access: { table: 'read', tokens: 'sign', pages: 'render' },
  },
  unsubscribe: {
    entry: 'unsubscribe',
    description:
      "Unsubscribes a link's address from campaign mail (RFC 8058 one-click, or the page's button)",
    trigger: { kind: 'http', method: 'POST', path: '/unsubscribe', auth: 'public' },
    access: { table: 'readWrite', tokens: 'sign', pages: 'render' },
  },
  settleSentMail: {
    entry: 'settle-sent-mail',
    description: "Settles a send as sent from SES's Send event, when the sender never learnt the outcome",
    trigger: { kind: 'event', events: [EmailSent] },
    access: { table: 'readWrite' },
  },
  suppressAddresses: {
    entry: 'suppress-addresses',
    description: 'Adds permanently bounced and complaining addresses to the suppression list',
    trigger: { kind: 'event', events: [EmailBounced, EmailComplaintReceived] },
    // tokens: the list holds a keyed digest of each address (address-digest.ts).
    access: { table: 'readWrite', tokens: 'sign' },
  },
} as const satisfies Record<string, FunctionSpec>;
