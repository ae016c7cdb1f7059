import type { RegistrationStatus } from './registration';

/** What the organisers' table searches and filters: a registration as the export lists it. */
export interface ListedRegistration {
  readonly status: string;
  readonly attended: boolean;
  readonly name?: string;
  readonly email?: string;
  readonly organisation?: string | null;
  readonly sessions: readonly { readonly sessionId: string; readonly status: string }[];
}

/** The table's search and filters, as the page's GET form sends them (each optional). */
export interface RegistrationFilter {
  /** Words, each found in the name, the email address or the school (any case, accents ignored). */
  readonly q?: string;
  readonly status?: RegistrationStatus;
  /** A session the delegate holds a place in or waits for. */
  readonly workshop?: string;
  readonly attended?: boolean;
}

/** Lower case without accents, so "sian" finds "Siân" and "OAK" finds "Oak Academy". */
export const foldForSearch = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const matchesFilter = (r: ListedRegistration, filter: RegistrationFilter): boolean => {
  if (filter.status !== undefined && r.status !== filter.status) return false;
  if (filter.attended !== undefined && r.attended !== filter.attended) return false;
  if (filter.workshop !== undefined && !r.sessions.some((s) => s.sessionId === filter.workshop)) return false;
  const words = foldForSearch(filter.q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldForSearch([r.name, r.email, r.organisation].filter(Boolean).join(' '));
  return words.every((word) => haystack.includes(word));
};

/** How one capped session (a workshop) stands: its places taken and its waiting list. */
export interface WorkshopCount {
  readonly sessionId: string;
  readonly title: string;
  readonly capacity: number;
  readonly confirmed: number;
  /** Delegates with an event place waiting for a place in this workshop. */
  readonly waiting: number;
}

/**
 * Places taken and waiting lists per workshop, from the registrations: a confirmed delegate holds a seat
 * or waits for one. A delegate waiting for an event place is on the event's waiting list, not the
 * workshop's, so counts under the event only.
 */
export const workshopCounts = (
  sessions: readonly { readonly id: string; readonly title: string; readonly capacity?: number }[],
  registrations: readonly ListedRegistration[],
): WorkshopCount[] =>
  sessions.flatMap((session) => {
    if (session.capacity === undefined) return [];
    let confirmed = 0;
    let waiting = 0;
    for (const r of registrations) {
      if (r.status !== 'confirmed') continue;
      const place = r.sessions.find((s) => s.sessionId === session.id);
      if (place?.status === 'confirmed') confirmed += 1;
      else if (place) waiting += 1;
    }
    return [{ sessionId: session.id, title: session.title, capacity: session.capacity, confirmed, waiting }];
  });

/** The event's own places: confirmed delegates, and those waiting for a place at all. */
export const eventCounts = (registrations: readonly ListedRegistration[]) => ({
  confirmed: registrations.filter((r) => r.status === 'confirmed').length,
  waiting: registrations.filter((r) => r.status === 'waitlisted').length,
});
