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

/** A recipient with the address their mail would go to, for checking it against the suppression lists. */
export interface Addressed {
  readonly recipient: Recipient;
  readonly email: string;
}

/**
 * Why a campaign is sent. `event`: logistics of the event the delegate booked, a service they asked for, so
 * it goes to everyone in the audience who has not unsubscribed. `news`: marketing under PECR, so only to
 * delegates who gave `consent.updates`.
 */
export type CampaignPurpose = 'event' | 'news';

export const DEFAULT_PURPOSE: CampaignPurpose = 'event';

/** Who matched the audience but will not get the campaign, by reason. */
export interface Excluded {
  readonly unsubscribed: number;
  readonly suppressed: number;
  readonly noConsent: number;
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

  constructor(
    private readonly audience: Audience,
    private readonly purpose: CampaignPurpose = DEFAULT_PURPOSE,
  ) {}

  add(page: readonly AudienceCandidate[]): void {
    for (const r of page) {
      if (!r.delegate || !inAudience(r, this.audience)) continue;
      const email = normaliseEmail(r.delegate.email);
      const held = this.byEmail.get(email);
      this.byEmail.set(email, held ? preferred(held, r) : r);
    }
  }

  /** Matched addresses whose registration gave no consent to news, for a `news` campaign (else 0). */
  noConsent(): number {
    return [...this.byEmail.values()].filter((r) => !this.consents(r)).length;
  }

  /** The recipients the purpose allows, oldest registration first, with their addresses. */
  addressed(): Addressed[] {
    return [...this.byEmail.values()]
      .filter((r) => this.consents(r))
      .sort((a, b) => (a.requestedAt === b.requestedAt ? 0 : a.requestedAt < b.requestedAt ? -1 : 1))
      .map((r) => ({
        recipient: { registrationId: r.registrationId, name: r.delegate?.name ?? '' },
        email: r.delegate?.email ?? '',
      }));
  }

  /** The recipients the purpose allows, oldest registration first. */
  recipients(): Recipient[] {
    return this.addressed().map((a) => a.recipient);
  }

  private consents(r: AudienceCandidate): boolean {
    return this.purpose === 'event' || r.delegate?.consent.updates === true;
  }
}

/** The recipients of an audience among the given registrations. */
export const selectRecipients = (
  registrations: readonly AudienceCandidate[],
  audience: Audience,
  purpose: CampaignPurpose = DEFAULT_PURPOSE,
): Recipient[] => {
  const collector = new AudienceCollector(audience, purpose);
  collector.add(registrations);
  return collector.recipients();
};
