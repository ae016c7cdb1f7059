/**
 * Convene's one DynamoDB table (single-table design). The CDK app and the local stack both create the
 * table from this description; the repositories beside this file are the only code that builds keys.
 *
 * Access patterns (entity: key → where):
 * - event by id:                        pk EVENT#<eventId>                 sk EVENT            (table)
 * - events of an organiser's account:    gsi1pk EVENTS                      gsi1sk <startsAt>#<eventId>
 * - registrations of an event, in order: gsi1pk EVENT#<eventId>#REGS        gsi1sk <requestedAt>#<id>  (issue 3)
 * - waiting list of an event/session:   pk EVENT#<eventId>                 sk WAIT#<scope>#<at>#<id>  (issue 3)
 * - registration by id:                 pk REG#<id>                       sk REG
 * - one live registration per email:    pk EVENT#<eventId>#EMAIL#<sha256> sk EMAIL
 * - schedules of an event, by area:     pk EVENT#<eventId>#SCHEDULES      sk REMINDER#|SURVEY#<scheduleName>
 * - send ledger:                        pk MSG#<messageKey>               sk TO#<recipientKey>
 * - campaign and its counters:          pk CAMPAIGN#<id>                  sk CAMPAIGN
 * - suppressed / unsubscribed address:  pk SUPPRESSED#<sha256> | UNSUBSCRIBED#<sha256>
 */
export const TableDesign = {
  partitionKey: 'pk',
  sortKey: 'sk',
  timeToLiveAttribute: 'expiresAt',
  globalIndexes: [
    { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  ],
} as const;
