import type { MailSpec } from '../../domain/mail/send-request';
import type { OutgoingMail } from '../../mail/mime';
import { renderRegistrationMail } from './render-registration-mail';

/**
 * How each kind of ledger entry becomes a mail, rendered at send time from current data. Undefined
 * means there is nothing to send any more (erased, cancelled, overtaken by a later change).
 */
export type Renderer<K extends MailSpec['kind']> = (
  spec: Extract<MailSpec, { kind: K }>,
  messageKey: string,
) => Promise<OutgoingMail | undefined>;

export type Renderers = { readonly [K in MailSpec['kind']]: Renderer<K> };

const unavailable = (kind: string) => async (): Promise<OutgoingMail | undefined> => {
  throw new Error(`No renderer for ${kind} mail yet`);
};

export const renderers: Renderers = {
  registration: renderRegistrationMail,
  reminder: unavailable('reminder'),
  campaign: unavailable('campaign'),
};

export const renderMail = (spec: MailSpec, messageKey: string): Promise<OutgoingMail | undefined> =>
  (renderers[spec.kind] as Renderer<typeof spec.kind>)(spec as never, messageKey);
