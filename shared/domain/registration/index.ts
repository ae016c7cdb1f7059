export * from './registration';
export {
  sessionChoiceProblems,
  registrationOpen,
  cappedSessions,
  changesNothing,
  sessionChange,
  sessionsAfterChange,
  type SessionChange,
} from './choice';
export { programmeOf, type ProgrammeEntry } from './programme';
export { bookingOpen, erasureCancels } from './booking-window';
export { promotionsDue, freePlaces, capacityFields, mayRaiseCapacity, type SeatCounter } from './promotions';
