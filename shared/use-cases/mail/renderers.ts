import type { MailSpec } from '../../domain/mail/send-request';
import type { OutgoingMail } from '../../mail/mime';
import { renderCampaignMail } from './render-campaign-mail';
import { renderEventCancelledMail, renderEventChangeMail } from './render-event-change-mail';
import { renderRegistrationMail } from './render-registration-mail';
import { renderReminderMail } from './render-reminder-mail';
import { renderSurveyMail } from './render-survey-mail';

/**
 * How each kind of ledger entry becomes a mail, rendered at send time from current data. Undefined
 * means there is nothing to send any more (erased, cancelled, overtaken by a later change).
 */
export type Renderer<K extends MailSpec['kind']> = (
  spec: Extract<MailSpec, { kind: K }>,
  messageKey: string,
) => Promise<OutgoingMail | undefined>;

export type Renderers = { readonly [K in MailSpec['kind']]: Renderer<K> };

export const renderers: Renderers = {
  registration: renderRegistrationMail,
  reminder: renderReminderMail,
  campaign: renderCampaignMail,
  survey: renderSurveyMail,
  'event-change': renderEventChangeMail,
  'event-cancelled': renderEventCancelledMail,
};

export const renderMail = (spec: MailSpec, messageKey: string): Promise<OutgoingMail | undefined> =>
  (renderers[spec.kind] as Renderer<typeof spec.kind>)(spec as never, messageKey);
