/**
 * The iCalendar SEQUENCE of a registration's invite (one UID per registration): it grows with every
 * change of the registration and of the event, so each invite sent outranks every one sent before.
 */
export const inviteSequence = (registrationVersion: number, eventVersion: number): number =>
  registrationVersion + eventVersion;
