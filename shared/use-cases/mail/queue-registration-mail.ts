import {
  DelegateSubstituted,
  PlacePromoted,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationWaitlisted,
} from '../../../events';
import { registrationMessageKey, type RegistrationMailSpec } from '../../domain/mail/send-request';
import { withholdOverAllowance } from '../abuse/mail-allowance';
import { queueMails } from './queue-mail';

/** Records and queues the mail one registration change calls for (keyed by registration and version). */
export const queueRegistrationMail = async (eventId: string, spec: RegistrationMailSpec): Promise<void> => {
  const messageKey = registrationMessageKey(spec);
  // A sixth new-registration mail to one address in a day is recorded as withheld, not sent.
  if (await withholdOverAllowance(eventId, messageKey, spec)) return;
  await queueMails(eventId, [{ messageKey, spec }]);
};

const templates: Readonly<Record<string, RegistrationMailSpec['template']>> = {
  [RegistrationConfirmed.detailType]: 'confirmed',
  [RegistrationWaitlisted.detailType]: 'waitlisted',
  [PlacePromoted.detailType]: 'promoted',
  [RegistrationCancelled.detailType]: 'cancelled',
  [DelegateSubstituted.detailType]: 'substituted',
};

/** Which mail a registration event asks for. */
export const templateFor = (detailType: string): RegistrationMailSpec['template'] => {
  const template = templates[detailType];
  if (!template) throw new Error(`No registration mail for ${detailType}`);
  return template;
};
