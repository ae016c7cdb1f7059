import type { MailState } from '../../domain/delivery/mail-record';
import type { RegistrationStatus } from '../../domain/registration';

interface Tag {
  readonly text: string;
  readonly classes: string;
}

/** A registration's status as a GOV.UK tag, in the words the delegate's own pages use. */
export const statusTags: Readonly<Record<RegistrationStatus, Tag>> = {
  confirmed: { text: 'Booked', classes: 'govuk-tag--green' },
  waitlisted: { text: 'Waiting list', classes: 'govuk-tag--yellow' },
  pending: { text: 'Being decided', classes: 'govuk-tag--grey' },
  cancelled: { text: 'Cancelled', classes: 'govuk-tag--grey' },
  rejected: { text: 'Not booked', classes: 'govuk-tag--red' },
};

export const statusTagOf = (status: string): Tag =>
  statusTags[status as RegistrationStatus] ?? { text: status, classes: 'govuk-tag--grey' };

/** The statuses the table filters by, in the order the filter lists them. */
export const filterStatuses = ['confirmed', 'waitlisted', 'pending', 'cancelled', 'rejected'] as const;

/** A mail's state as a GOV.UK tag; the explanation beside it says what follows. */
export const mailStateTags: Readonly<Record<MailState, Tag>> = {
  queued: { text: 'Queued', classes: 'govuk-tag--grey' },
  held: { text: 'Held', classes: 'govuk-tag--orange' },
  sending: { text: 'Sending', classes: 'govuk-tag--light-blue' },
  sent: { text: 'Sent', classes: 'govuk-tag--green' },
  bounced: { text: 'Bounced', classes: 'govuk-tag--red' },
  complained: { text: 'Marked as spam', classes: 'govuk-tag--red' },
  suppressed: { text: 'Suppressed', classes: 'govuk-tag--orange' },
  skipped: { text: 'Not needed', classes: 'govuk-tag--grey' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
  withheld: { text: 'Withheld', classes: 'govuk-tag--red' },
};
