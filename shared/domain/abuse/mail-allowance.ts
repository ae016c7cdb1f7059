import type { RegistrationMailSpec } from '../mail/send-request';
import type { Registration } from '../registration';

/** New-registration mails one address may get in a UTC day, across every event. */
export const NEW_REGISTRATION_MAILS_PER_DAY = 5;

/** Why a mail was withheld, as its ledger entry records it (shown on the delegate's mails in the console). */
export const WITHHELD_REASON =
  `More than ${NEW_REGISTRATION_MAILS_PER_DAY} new registrations for this address today: ` +
  'the confirmation was not sent';

/** Pending is version 1; the allocator's decision makes 2. Later versions are changes, never withheld. */
const FIRST_DECISION_VERSION = 2;

/**
 * A mail that answers a new registration made by the public: the first decision's confirmed or waiting
 * mail. Promotion, change, cancellation, substitution and resend mail are not, nor an organiser's booking.
 */
export const isNewRegistrationMail = (
  spec: RegistrationMailSpec,
  registration: Pick<Registration, 'bookedBy' | 'formerDelegates'>,
): boolean =>
  (spec.template === 'confirmed' || spec.template === 'waitlisted') &&
  spec.version === FIRST_DECISION_VERSION &&
  registration.bookedBy === undefined &&
  (registration.formerDelegates ?? []).length === 0;

/** The UTC day an allowance counts in (`2026-12-01`). */
export const allowanceDay = (at: Date): string => at.toISOString().slice(0, 10);

/** A day's counter is kept two days past its day (TTL), then goes. */
export const allowanceExpiresAt = (day: string): number =>
  Math.floor(Date.parse(`${day}T00:00:00Z`) / 1000) + 3 * 24 * 3600;
