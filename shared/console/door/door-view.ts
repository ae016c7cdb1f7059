import type { Conference } from '../../domain/conference';
import type { DoorDelegate } from '../../use-cases/registrations/door-list';
import { foundWords, matchesSearch, searchWords } from '../../pages/assets/console/door-search';
import { doorBanner, timeOfDay, type DoorOutcome } from './door-outcome';
import { doorUrls } from './door-urls';

/** The registration desk's list as doorList reads it. */
export interface DoorList {
  readonly conference: Pick<Conference, 'eventId' | 'title' | 'timezone'>;
  readonly delegates: readonly DoorDelegate[];
  readonly confirmed: number;
  readonly checkedIn: number;
}

/** What the page was asked for, and what a refused code form needs to show again. */
export interface DoorState {
  /** `?q=`: what was searched without JavaScript. */
  readonly query?: string;
  /** The last action's outcome (`?done=` and `?r=`). */
  readonly outcome?: { readonly kind: DoorOutcome; readonly registrationId: string | undefined };
  /** A code that was refused, as typed, and what to do about it. */
  readonly code?: { readonly value: string; readonly error: string };
  /** A check-in or undo from the list that was refused (the booking changed meanwhile): what to do. */
  readonly refused?: string;
}

/**
 * Everything the check-in page shows: the count, the last action's banner, and every confirmed delegate
 * (so the browser can search as the organiser types), those not matching the search hidden.
 */
export const doorView = (list: DoorList, state: DoorState = {}) => {
  const { conference: c } = list;
  const query = (state.query ?? '').trim().slice(0, 100);
  const byId = new Map(list.delegates.map((d) => [d.registrationId, d]));
  const delegates = list.delegates.map((d) => ({
    registrationId: d.registrationId,
    name: d.name,
    organisation: d.organisation ?? null,
    checkedInAt: d.attendedAt ? timeOfDay(d.attendedAt, c.timezone) : null,
    shown: matchesSearch(searchWords(`${d.name} ${d.organisation ?? ''}`), query),
  }));
  const found = delegates.filter((d) => d.shown).length;
  const banner =
    state.outcome &&
    doorBanner(
      state.outcome.kind,
      state.outcome.registrationId ? byId.get(state.outcome.registrationId) : undefined,
      c.timezone,
    );
  // Undo straight from the banner: the quickest fix for a tap on the wrong name.
  const undoable =
    state.outcome && ['checked-in', 'walk-in'].includes(state.outcome.kind) && state.outcome.registrationId
      ? byId.get(state.outcome.registrationId)
      : undefined;
  const urls = doorUrls(c.eventId);
  return {
    title: 'Check-in',
    event: { id: c.eventId, title: c.title, section: 'door' as const },
    urls,
    banner,
    bannerUndo: undoable?.attendedAt
      ? { registrationId: undoable.registrationId, name: undoable.name }
      : null,
    count: { checkedIn: list.checkedIn, confirmed: list.confirmed },
    query,
    delegates,
    found: foundWords(found, query),
    code: state.code ?? { value: '', error: null },
    errors: [
      ...(state.code ? [{ text: state.code.error, href: '#code' }] : []),
      ...(state.refused ? [{ text: state.refused, href: '#q' }] : []),
    ],
  };
};
