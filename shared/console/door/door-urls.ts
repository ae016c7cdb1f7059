import { consoleUrls } from '../console-navigation';
import type { DoorOutcome } from './door-outcome';

/** The door's addresses for one event, as its route table (door-routes.ts) declares them. */
export const doorUrls = (eventId: string) => {
  const door = consoleUrls.section(eventId, 'door');
  return {
    door,
    checkIn: `${door}/check-in`,
    undo: `${door}/undo`,
    walkIn: `${door}/walk-in`,
    /** The door page after an action, saying what it did. */
    after: (outcome: DoorOutcome, registrationId?: string) =>
      `${door}?${new URLSearchParams({ done: outcome, ...(registrationId ? { r: registrationId } : {}) })}`,
  };
};
