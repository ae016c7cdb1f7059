import type { SendRequest } from '../../domain/mail/send-request';

/** One mail as a form's value: its recipient (a registration id, no spaces) then its message key. */
export const mailChoice = (mail: SendRequest): string => `${mail.recipientKey} ${mail.messageKey}`;

export const readMailChoice = (value: string): SendRequest | undefined => {
  const space = value.indexOf(' ');
  if (space <= 0 || space === value.length - 1) return undefined;
  return { recipientKey: value.slice(0, space), messageKey: value.slice(space + 1) };
};
