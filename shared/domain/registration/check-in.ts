import { conflict, type DomainError } from '../errors';
import type { Registration } from './registration';

/**
 * Why a check-in cannot be undone, or undefined when it can: only a confirmed delegate who is checked in.
 * Undoing is for a tap on the wrong name at the door; it sends no mail, and the delegate can be checked
 * in again.
 */
export const undoCheckInRefusal = (
  r: Pick<Registration, 'status' | 'attendedAt'>,
): DomainError | undefined => {
  if (r.status !== 'confirmed') {
    return conflict(
      'not_confirmed',
      `Only a confirmed delegate's check-in can be undone; this registration is ${r.status}.`,
    );
  }
  if (!r.attendedAt)
    return conflict('not_checked_in', 'This delegate is not checked in, so there is nothing to undo.');
  return undefined;
};
