/**
 * What the audit keeps: who did what to an event, when, and through which door (the JSON API or the
 * console). A record names a registration or campaign by id only, never a delegate's name or address,
 * so an erasure leaves no personal data behind in the audit.
 */
export const AuditActions = [
  'registrations.exported',
  'survey-results.exported',
  'registration.erased',
  'registrations.removed',
  'campaign.created',
  'campaign.cancelled',
  'event.created',
  'event.updated',
  'event.published',
  'event.cancelled',
  'check-in.recorded',
  'check-in.undone',
] as const;
export type AuditAction = (typeof AuditActions)[number];

export type AuditChannel = 'api' | 'console';

/** The signed-in person: the token's subject, and its email or username where the token has them. */
export interface AuditActor {
  readonly subject: string;
  readonly email?: string;
  readonly username?: string;
}

export interface AuditRecord {
  readonly auditId: string;
  readonly eventId: string;
  readonly action: AuditAction;
  /** When the answer was given (ISO instant). */
  readonly at: string;
  readonly via: AuditChannel;
  readonly actor: AuditActor;
  readonly registrationId?: string;
  readonly campaignId?: string;
  /** An export's format. */
  readonly format?: 'json' | 'csv';
  /** An export that included access and dietary needs (`?include=needs`). */
  readonly includeNeeds?: boolean;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** The actor a verified token's claims name (an ID token's `email` and `cognito:username`, an access token's `username`). */
export const actorOfClaims = (claims: Readonly<Record<string, unknown>>): AuditActor | undefined => {
  const subject = text(claims.sub);
  if (!subject) return undefined;
  const email = text(claims.email);
  const username = text(claims['cognito:username']) ?? text(claims.username);
  return { subject, ...(email ? { email } : {}), ...(username ? { username } : {}) };
};

/** The ids a record may name, wherever the request or its answer gave them. */
export interface AuditIds {
  readonly eventId?: string;
  readonly registrationId?: string;
  readonly campaignId?: string;
}

const ID_NAMES = ['eventId', 'registrationId', 'campaignId'] as const;

/** The ids of the first source that has each one (path parameters first, then what the answer names). */
export const firstIds = (...sources: readonly (object | undefined)[]): AuditIds => {
  const ids: Record<string, string> = {};
  for (const name of ID_NAMES) {
    const found = sources
      .map((source) => text((source as Readonly<Record<string, unknown>> | undefined)?.[name]))
      .find((id) => id !== undefined);
    if (found) ids[name] = found;
  }
  return ids;
};

/** The top-level fields of a JSON answer (a created event's or campaign's id, a check-in by code's registration). */
export const jsonFieldsOf = (body: unknown): Readonly<Record<string, unknown>> | undefined => {
  if (typeof body !== 'string' || body === '') return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
};

/**
 * The ids a console page's redirect names: `/console/events/{eventId}` and below it
 * `/campaigns/{campaignId}` or `/registrations/{registrationId}`, or the door's `?r=` (the registration
 * it acted on).
 */
export const idsOfConsoleLocation = (location: string | undefined): AuditIds => {
  if (!location) return {};
  const url = new URL(location, 'http://console.invalid');
  const segment = (after: string): string | undefined => {
    const match = new RegExp(`/${after}/([^/]+)`).exec(url.pathname);
    const id = match?.[1] && decodeURIComponent(match[1]);
    return id && !['new', 'count', 'preview'].includes(id) ? id : undefined;
  };
  return firstIds({
    eventId: segment('console/events'),
    campaignId: segment('campaigns'),
    registrationId: segment('registrations') ?? url.searchParams.get('r') ?? undefined,
  });
};

/**
 * Outcomes a console page redirects with when its action was not done: an edit that changed nothing, an
 * undo of no check-in, a walk-in put on the waiting list (registered, not checked in).
 */
const NOTHING_DONE = ['unchanged', 'not-checked-in', 'walk-in-waiting'];

const contentTypeOf = (headers: Readonly<Record<string, unknown>> | undefined): string =>
  String(headers?.['content-type'] ?? headers?.['Content-Type'] ?? '');

/** The actions done to one registration or one campaign, whose record names it by id. */
const NAMES_REGISTRATION: readonly AuditAction[] = [
  'registration.erased',
  'check-in.recorded',
  'check-in.undone',
];
const NAMES_CAMPAIGN: readonly AuditAction[] = ['campaign.created', 'campaign.cancelled'];

const isExport = (action: AuditAction): boolean => action.endsWith('.exported');

/** `?include=needs` (one of a comma-separated list). */
const includesNeeds = (query: Readonly<Record<string, string | undefined>>): boolean =>
  (query.include ?? '').split(',').some((part) => part.trim() === 'needs');

/** What an answer given and the request it answered say, for either door. */
export interface Answered {
  readonly action: AuditAction;
  readonly via: AuditChannel;
  readonly actor: AuditActor | undefined;
  readonly method: string;
  readonly params: Readonly<Record<string, string | undefined>>;
  readonly query: Readonly<Record<string, string | undefined>>;
  /** A console form's fields (the door posts the registration it checks in). */
  readonly form?: Readonly<Record<string, string>>;
  readonly status: number;
  readonly headers: Readonly<Record<string, unknown>> | undefined;
  readonly body: unknown;
  readonly at: string;
  readonly auditId: string;
}

/**
 * Whether an answer did what its route records: the API's 2xx; the console's 303 after a post (its
 * pages answer a refused form with the form again, never a redirect) or a download. Survey results
 * read as JSON are a view of aggregates, not an export: only their CSV is recorded.
 */
const succeeded = (a: Answered): boolean => {
  if (a.via === 'api') {
    if (a.status < 200 || a.status > 299) return false;
    return a.action !== 'survey-results.exported' || /text\/csv/i.test(contentTypeOf(a.headers));
  }
  if (a.method === 'POST') {
    if (a.status !== 303) return false;
    const done = new URL(String(a.headers?.location ?? ''), 'http://console.invalid').searchParams.get(
      'done',
    );
    return !NOTHING_DONE.includes(done ?? '');
  }
  return a.status === 200 && /text\/csv/i.test(contentTypeOf(a.headers));
};

/**
 * The record of a successful answer, or undefined when nothing is to be recorded: the answer refused or
 * failed, nothing was done, or no one or no event can be named.
 */
export const auditRecordOf = (a: Answered): AuditRecord | undefined => {
  if (!a.actor || !succeeded(a)) return undefined;
  const ids =
    a.via === 'api'
      ? firstIds(a.params, jsonFieldsOf(a.body))
      : firstIds(a.params, a.form, idsOfConsoleLocation(String(a.headers?.location ?? '')));
  if (!ids.eventId) return undefined;
  return {
    auditId: a.auditId,
    eventId: ids.eventId,
    action: a.action,
    at: a.at,
    via: a.via,
    actor: a.actor,
    ...(ids.registrationId && NAMES_REGISTRATION.includes(a.action)
      ? { registrationId: ids.registrationId }
      : {}),
    ...(ids.campaignId && NAMES_CAMPAIGN.includes(a.action) ? { campaignId: ids.campaignId } : {}),
    ...(isExport(a.action)
      ? {
          format: /text\/csv/i.test(contentTypeOf(a.headers)) ? 'csv' : 'json',
          ...(includesNeeds(a.query) ? { includeNeeds: true } : {}),
        }
      : {}),
  } satisfies AuditRecord;
};

/** What a record says was done, in words for the console ("Exported the registrations as CSV, with needs"). */
export const auditActionText = (record: Pick<AuditRecord, 'action' | 'format' | 'includeNeeds'>): string => {
  const as = record.format === 'csv' ? ' as CSV' : record.format === 'json' ? ' as JSON' : '';
  const needs = record.includeNeeds ? ', with access and dietary needs' : '';
  switch (record.action) {
    case 'registrations.exported':
      return `Exported the registrations${as}${needs}`;
    case 'survey-results.exported':
      return `Exported the survey responses${as}`;
    case 'registration.erased':
      return "Erased a delegate's personal data";
    case 'registrations.removed':
      return 'Removed suspected fake sign-ups';
    case 'campaign.created':
      return 'Sent or scheduled a campaign';
    case 'campaign.cancelled':
      return 'Cancelled a campaign';
    case 'event.created':
      return 'Created the event';
    case 'event.updated':
      return 'Changed the event';
    case 'event.published':
      return 'Published the event';
    case 'event.cancelled':
      return 'Cancelled the event';
    case 'check-in.recorded':
      return 'Checked a delegate in';
    case 'check-in.undone':
      return 'Undid a check-in';
  }
};

/** Who a record names, as a person reads it: their address, else their username, else the token's subject. */
export const actorText = (actor: AuditActor): string => actor.email ?? actor.username ?? actor.subject;
