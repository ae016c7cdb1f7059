import {
  PlacePromoted,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationWaitlisted,
} from '../../../events';
import { enqueueSends } from '../../adapters/send-queue';
import { ledgerRepository } from '../../adapters/dynamo/ledger-repository';
import { nowIso } from '../../clock';
import { registrationMessageKey, type MailSpec } from '../../domain/mail/send-request';

/**
 * Records a registration mail in the ledger, keyed by (registration change, delegate), then queues it.
 * The same change announced twice finds its entry: a sent one is left alone, a queued one is queued
 * again (the sender sends each entry once however often it is queued).
 */
export const queueRegistrationMail = async (spec: MailSpec): Promise<void> => {
  const request = { messageKey: registrationMessageKey(spec), recipientKey: spec.registrationId };
  const entry = await ledgerRepository.record(request, spec, nowIso());
  if (entry.status === 'queued') await enqueueSends([request]);
};

const templates: Readonly<Record<string, MailSpec['template']>> = {
  [RegistrationConfirmed.detailType]: 'confirmed',
  [RegistrationWaitlisted.detailType]: 'waitlisted',
  [PlacePromoted.detailType]: 'promoted',
  [RegistrationCancelled.detailType]: 'cancelled',
};

/** Which mail a registration event asks for. */
export const templateFor = (detailType: string): MailSpec['template'] => {
  const template = templates[detailType];
  if (!template) throw new Error(`No registration mail for ${detailType}`);
  return template;
};
