/**
 * Convene's one DynamoDB table (single-table design). The CDK app and the local stack both create the
 * table from this description; the repositories beside this file are the only code that builds keys.
 *
 * Access patterns (entity: key → where):
 * - event by id:                        pk EVENT#<eventId>                 sk EVENT            (table)
 * - events of an organiser's account:    gsi1pk EVENTS                      gsi1sk <startsAt>#<eventId>
 * - registrations of an event, in order: gsi4pk EVENT#<eventId>#REGS        gsi4sk <requestedAt>#<id>
 *   (keys only: registration-listing.ts)
 * - waiting list of an event/session:   pk EVENT#<eventId>                 sk WAIT#<scope>#<at>#<id>  (issue 3)
 * - registration by id:                 pk REG#<id>                       sk REG
 * - one live registration per email:    pk EVENT#<eventId>#EMAIL#<sha256> sk EMAIL
 * - schedules of an event, by area:     pk EVENT#<eventId>#SCHEDULES      sk REMINDER#|SURVEY#<scheduleName>
 * - comms plan feed key of an event:    pk EVENT#<eventId>#PLAN           sk FEED
 * - send ledger, a message to many:     pk MSG#<messageKey>               sk TO#<recipientKey>
 * - send ledger, a delegate's own mail: pk REG#<registrationId>#MAIL      sk MSG#<messageKey>  (ledger-keys.ts)
 * - a delegate's share of mail to many: gsi3pk REG#<registrationId>#MAIL  gsi3sk <recordedAt>#<messageKey>
 *   (written by the ledger's own put; keys only, so the sender's updates of the entry never touch it)
 * - an event's mail problems:           gsi2pk EVENT#<eventId>#MAIL_PROBLEMS  gsi2sk <at>#<messageKey>#<recipientKey>
 *   (sparse: set by the update that records a failure, a suppression, a bounce or a complaint)
 * - campaign:                           pk CAMPAIGN#<id>                  sk CAMPAIGN
 * - its counters, in 16 shards:        pk CAMPAIGN#<id>                  sk COUNTS#<nn>  (campaign-counts.ts)
 * - campaigns not fully started, by time: gsi1pk CAMPAIGNS#UNFINISHED     gsi1sk <startAt>#<id>  (sparse)
 * - suppressed / unsubscribed address:  pk SUPPRESSED#<sha256> | UNSUBSCRIBED#<sha256>
 * - bus entries PutEvents refused:       pk OUTBOX#<0-7>                    sk <parkedAt>#<id>  (adapters/outbox.ts)
 */
export const TableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'ALL' },
    // Keys only: every entry of a message to many is in it, and its updates (claim, settle) cost no index write.
    { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk', projection: 'KEYS_ONLY' },
    // Keys only: a registration's every write after the first (its decision, a check-in, a cancellation, a
    // change of sessions, its expiry) then costs no index write; a listing reads the items by their keys.
    { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk', projection: 'KEYS_ONLY' },
  ],
} as const;
