import type { EventContract } from './contract';
import { campaignContracts } from './campaign-contracts';
import { deliveryContracts } from './delivery-contracts';
import { reminderContracts } from './reminder-contracts';
import { socialContracts } from './social-contracts';
import { surveyContracts } from './survey-contracts';
import { EventCreated } from './event-created';
import { EventPublished } from './event-published';
import { EventUpdated } from './event-updated';
import { RegistrationRequested } from './registration-requested';
import { RegistrationConfirmed } from './registration-confirmed';
import { RegistrationWaitlisted } from './registration-waitlisted';
import { RegistrationRejected } from './registration-rejected';
import { CancellationRequested } from './cancellation-requested';
import { RegistrationCancelled } from './registration-cancelled';
import { PlacePromoted } from './place-promoted';
import { DelegateCheckedIn } from './delegate-checked-in';
import { RegistrationErased } from './registration-erased';
import { DelegateSubstituted } from './delegate-substituted';
import { SessionChangeRequested } from './session-change-requested';
import { BookingMailRequested } from './booking-mail-requested';

export {
  EventCreated,
  EventPublished,
  EventUpdated,
  RegistrationRequested,
  RegistrationConfirmed,
  RegistrationWaitlisted,
  RegistrationRejected,
  CancellationRequested,
  RegistrationCancelled,
  PlacePromoted,
  DelegateCheckedIn,
  RegistrationErased,
  SessionChangeRequested,
  DelegateSubstituted,
  BookingMailRequested,
};
export { patternFor, type EventContract, type DetailOf } from './contract';
export * from './campaign-contracts';
export * from './reminder-contracts';
export * from './delivery-contracts';
export * from './social-contracts';
export * from './survey-contracts';

/** Every contract, for the schema registry, the samples test and the local archive. */
export const allContracts: readonly EventContract[] = [
  EventCreated,
  EventPublished,
  EventUpdated,
  RegistrationRequested,
  RegistrationConfirmed,
  RegistrationWaitlisted,
  RegistrationRejected,
  CancellationRequested,
  RegistrationCancelled,
  PlacePromoted,
  DelegateCheckedIn,
  RegistrationErased,
  SessionChangeRequested,
  DelegateSubstituted,
  BookingMailRequested,
  ...campaignContracts,
  ...reminderContracts,
  ...deliveryContracts,
  ...socialContracts,
  ...surveyContracts,
];
