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
  /** Grows with every change; mails and calendar invites are numbered by it. */
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
});
