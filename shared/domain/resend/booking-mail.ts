import type { RegistrationMailSpec } from '../mail/send-request';
import type { RegistrationStatus } from '../registration';

/** Resend requests honoured per address and event in one clock hour; beyond it, nothing is sent. */
export const RESENDS_PER_HOUR = 3;

/** The clock hour a request falls in (`2027-01-07T09`), which its rate limit counts in. */
export const hourOf = (instant: string): string => instant.slice(0, 13);

/** Seconds after its hour that a request counter may go (TTL). */
export const RESEND_COUNTER_KEPT_SECONDS = 2 * 3600;

/** The booking mail a registration as it stands calls for; none while pending or once it has ended. */
export const bookingTemplate = (status: RegistrationStatus): RegistrationMailSpec['template'] | undefined =>
  status === 'confirmed' ? 'confirmed' : status === 'waitlisted' ? 'waitlisted' : undefined;
