import { conflict } from '../../domain/errors';

/** 409 `already_registered`: the address holds a live registration for the event. */
export const alreadyRegistered = () =>
  conflict('already_registered', 'This email address is already registered for this event.');
