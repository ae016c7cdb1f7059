import { normaliseEmail, type Registration } from '../registration';

/** Who a campaign is for (API.md): any of the statuses, narrowed by session and survey response. */
export type AudienceStatus = 'confirmed' | 'waitlisted' | 'attended' | 'cancelled';

export interface Audience {
  readonly status: readonly AudienceStatus[];
  readonly sessionId?: string;
  readonly surveyResponded?: boolean;
}

/** A registration as audiences read it. */
export type AudienceCandidate = Pick<
  Registration,
  'registrationId' | 'status' | 'sessions' | 'attendedAt' | 'requestedAt' | 'delegate' | 'surveyRespondedAt'
>;

export interface Recipient {
  readonly registrationId: string;
  readonly name: string;
}

const hasStatus = (r: AudienceCandidate, status: AudienceStatus): boolean => {
  switch (status) {
    case 'attended':
      return r.attendedAt !== undefined;
    case 'confirmed':
    case 'waitlisted':
    case 'cancelled':
      return r.status === status;
  }
};

/**
 * Whether a registration is in the audience. Erased registrations never are. In a session means holding a
 * place or waiting for one there (a delegate still waiting for an event place waits for their sessions too).
 */
export const inAudience = (r: AudienceCandidate, audience: Audience): boolean => {
  if (!r.delegate) return false;
  if (!audience.status.some((s) => hasStatus(r, s))) return false;
  if (audience.sessionId !== undefined && r.sessions[audience.sessionId] === undefined) return false;
  if (
    audience.surveyResponded !== undefined &&
    audience.surveyResponded !== (r.surveyRespondedAt !== undefined)
  )
    return false;
  return true;
};

// Where one address matches twice (a cancelled registration, then a new one), the live one gets the mail.
const rank: Readonly<Record<Registration['status'], number>> = {
  confirmed: 0,
  waitlisted: 1,
  pending: 2,
  cancelled: 3,
  rejected: 4,
};

const preferred = (a: AudienceCandidate, b: AudienceCandidate): AudienceCandidate => {
  if (rank[a.status] !== rank[b.status]) return rank[a.status] < rank[b.status] ? a : b;
  return a.requestedAt >= b.requestedAt ? a : b;
};

/**
 * Collects an audience page by page: each address once however often it matches (by normalised email),
 * so a campaign of 10,000 is listed without holding more than one entry per address.
 */
export class AudienceCollector {
  private readonly byEmail = new Map<string, AudienceCandidate>();

  constructor(private readonly audience: Audience) {}

  add(page: readonly AudienceCandidate[]): void {
    for (const r of page) {
      if (!r.delegate || !inAudience(r, this.audience)) continue;
      const email = normaliseEmail(r.delegate.email);
      const held = this.byEmail.get(email);
      this.byEmail.set(email, held ? preferred(held, r) : r);
    }
  }

  /** The recipients, oldest registration first. */
  recipients(): Recipient[] {
    return [...this.byEmail.values()]
      .sort((a, b) => (a.requestedAt === b.requestedAt ? 0 : a.requestedAt < b.requestedAt ? -1 : 1))
      .map((r) => ({ registrationId: r.registrationId, name: r.delegate?.name ?? '' }));
  }
}

/** The recipients of an audience among the given registrations. */
export const selectRecipients = (
  registrations: readonly AudienceCandidate[],
  audience: Audience,
): Recipient[] => {
  const collector = new AudienceCollector(audience);
  collector.add(registrations);
  return collector.recipients();
};
