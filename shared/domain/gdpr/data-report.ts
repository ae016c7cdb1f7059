/** One kind of personal data an event's report lists. */
export interface HeldKind {
  readonly kind:
    | 'registrations'
    | 'needs'
    | 'erased-registrations'
    | 'survey-responses'
    | 'suppression-list'
    | 'bus-archive'
    | 'logs';
  readonly what: string;
  readonly where: string;
  /** How many records of this event; null where they are not kept per event. */
  readonly records: number | null;
  /** When the last of them expires (ISO 8601); null where nothing expires it. */
  readonly expiresAt: string | null;
  /** Records not given an expiry yet (stamped within seconds of being written). */
  readonly notYetStamped?: number;
  readonly note?: string;
}

export interface Tally {
  records: number;
  unstamped: number;
  latest?: number;
}

export const emptyTally = (): Tally => ({ records: 0, unstamped: 0 });

export const count = (tally: Tally, expiresAt: number | undefined): void => {
  tally.records += 1;
  if (expiresAt === undefined) tally.unstamped += 1;
  else tally.latest = Math.max(tally.latest ?? 0, expiresAt);
};

const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();

/** A table-held kind from its tally: the expiry is the latest stamp, or the planned one while any wait. */
export const heldKind = (
  base: Pick<HeldKind, 'kind' | 'what' | 'where' | 'note'>,
  tally: Tally,
  planned: number,
): HeldKind => ({
  ...base,
  records: tally.records,
  expiresAt:
    tally.records === 0
      ? null
      : iso(tally.unstamped > 0 ? Math.max(planned, tally.latest ?? 0) : (tally.latest ?? planned)),
  ...(tally.unstamped > 0 ? { notYetStamped: tally.unstamped } : {}),
});

/** What Convene keeps outside the event's items, the same for every event. */
export const keptElsewhere = (archiveDays: number, logDays: number): HeldKind[] => [
  {
    kind: 'suppression-list',
    what: 'Addresses that bounced, complained or unsubscribed, as a keyed digest (HMAC), never the address',
    where: 'DynamoDB table (SUPPRESSED#, UNSUBSCRIBED#), across events',
    records: null,
    expiresAt: null,
    note: 'Kept after erasure on purpose, so an address that asked for no mail is never mailed again.',
  },
  {
    kind: 'bus-archive',
    what: 'Events about registrations, by id; no names, no addresses (SES events are kept out)',
    where: 'EventBridge archive on AWS',
    records: null,
    expiresAt: null,
    note: `Each event is kept ${archiveDays} days after it happened.`,
  },
  {
    kind: 'logs',
    what: 'Function logs and the bus log: ids and outcomes, no names or addresses',
    where: 'CloudWatch Logs on AWS',
    records: null,
    expiresAt: null,
    note: `Kept ${logDays} days.`,
  },
];
