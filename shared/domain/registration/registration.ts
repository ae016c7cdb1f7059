/** A delegate's booking for one event. Personal data sits in `delegate`, which erasure removes. */
export type RegistrationStatus = 'pending' | 'confirmed' | 'waitlisted' | 'cancelled' | 'rejected';

/** A chosen session: `requested` until a place is decided (while the delegate waits for an event place). */
export type SessionPlace = 'requested' | 'confirmed' | 'waitlisted';

export interface Delegate {
  readonly name: string;
  readonly email: string;
  readonly organisation?: string;
  readonly role?: string;
  readonly accessNeeds?: string;
  readonly dietary?: string;
  readonly consent: { readonly updates: boolean };
}

export interface Registration {
  readonly registrationId: string;
  readonly eventId: string;
  readonly status: RegistrationStatus;
  /** Absent once erased. */
  readonly delegate?: Delegate;
  /** Chosen sessions in the order chosen, with where each stands. */
  readonly sessions: Readonly<Record<string, SessionPlace>>;
  readonly sessionOrder: readonly string[];
  readonly requestedAt: string;
  readonly decidedAt?: string;
  readonly cancelledAt?: string;
  readonly attendedAt?: string;
  readonly erasedAt?: string;
  /** When the delegate answered the event's survey: completion only, the answers are kept apart. */
  readonly surveyRespondedAt?: string;
  readonly rejectedReason?: string;
  /** Set when an organiser made the booking: it may be made until the event ends (a walk-in). */
  readonly bookedBy?: 'organiser';
  /** When an organiser's booking took a place beyond capacity (`overbook`), bypassing the waiting list. */
  readonly overbookedAt?: string;
  /** Delegates who passed the place to a colleague, each with the version that made the change. */
  readonly formerDelegates?: readonly FormerDelegate[];
  /** When the delegate joined a session's waiting list by changing sessions (else `requestedAt`), by session. */
  readonly sessionWaitSince?: Readonly<Record<string, string>>;
  /** The last change of sessions applied, so a duplicate delivery of the request is not applied twice. */
  readonly sessionChangeId?: string;
  /** Grows with every change; mails and calendar invites are numbered by it. */
  readonly version: number;
  /** The address the email claim is held under when it is not the delegate's (a plus tag ignored). */
  readonly claimedEmail?: string;
  /** A public registration's client: a keyed digest of the viewer's address, for spotting bulk sign-ups. */
  readonly client?: string;
}

export interface FormerDelegate {
  readonly name: string;
  readonly email: string;
  readonly version: number;
}

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();

/** What anyone holding the id may see: no personal data (API.md). */
export const publicRegistration = (r: Registration) => ({
  registrationId: r.registrationId,
  eventId: r.eventId,
  status: r.status,
  sessions: r.sessionOrder.map((sessionId) => ({
    sessionId,
    status: r.sessions[sessionId] === 'confirmed' ? ('confirmed' as const) : ('waitlisted' as const),
  })),
  ...(r.attendedAt ? { attended: true } : {}),
  ...(r.erasedAt ? { erased: true } : {}),
});

/** The places a cancellation gives back: a confirmed delegate's event place and capped session seats. */
export const placesFreedBy = (r: Registration, capped: ReadonlySet<string>) => ({
  event: r.status === 'confirmed',
  sessions:
    r.status === 'confirmed'
      ? r.sessionOrder.filter((id) => capped.has(id) && r.sessions[id] === 'confirmed')
      : [],
});
