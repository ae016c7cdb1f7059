import { instantToWallClock } from '../../domain/wall-clock';
import type { DoorDelegate } from '../../use-cases/registrations/door-list';

/**
 * What the door's last action did, carried to the next page in `?done=` (POST/redirect/GET) with the
 * registration it was about in `?r=`: the page reads the name and time from the list it shows.
 */
export const DoorOutcomes = [
  'checked-in',
  'already',
  'undone',
  'not-checked-in',
  'walk-in',
  'walk-in-waiting',
] as const;
export type DoorOutcome = (typeof DoorOutcomes)[number];

export const isDoorOutcome = (value: string | undefined): value is DoorOutcome =>
  (DoorOutcomes as readonly string[]).includes(value ?? '');

/** The notification banner over the door page: green when something was done, blue when nothing changed. */
export interface DoorBanner {
  readonly type: 'success' | 'important';
  readonly heading: string;
  readonly text?: string;
}

/** "08:52": a check-in time as the desk's clock shows it, in the event's zone. */
export const timeOfDay = (instant: string, zone: string): string =>
  instantToWallClock(instant, zone).slice(11, 16);

/**
 * The banner for an outcome. `delegate` is the registration as the list now has it (absent when it is
 * not on the list any more, or a walk-in who is waiting); the words never depend on anything but it.
 */
export const doorBanner = (
  outcome: DoorOutcome,
  delegate: DoorDelegate | undefined,
  zone: string,
): DoorBanner => {
  const name = delegate?.name ?? 'The delegate';
  switch (outcome) {
    case 'checked-in':
      return { type: 'success', heading: `${name} is checked in` };
    case 'already':
      return {
        type: 'important',
        heading: delegate?.attendedAt
          ? `${name} was already checked in at ${timeOfDay(delegate.attendedAt, zone)} – nothing changed`
          : `${name} was already checked in – nothing changed`,
      };
    case 'undone':
      return { type: 'success', heading: 'Check-in undone', text: `${name} is no longer checked in.` };
    case 'not-checked-in':
      return { type: 'important', heading: `${name} was not checked in – nothing changed` };
    case 'walk-in':
      return { type: 'success', heading: `${name} is registered and checked in` };
    case 'walk-in-waiting':
      // Only when the event filled up while the walk-in form was open (a full event asks first).
      return {
        type: 'important',
        heading: 'Not checked in: the event is full',
        text: 'The walk-in is registered on the waiting list. The last place went while the form was open.',
      };
  }
};
