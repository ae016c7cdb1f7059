import { createHash } from 'node:crypto';

/**
 * A campaign's items, all in its own partition:
 * - CAMPAIGN#<id> / CAMPAIGN                      status, audience, recipients, and counters that stay 0
 *   (campaigns settled before the shards keep their counts here); while its fan-out is unfinished (from its creation
 *   until every audience chunk is queued, or it is cancelled or refused before it starts) also in
 *   gsi1: CAMPAIGNS#UNFINISHED / <startAt>#<id>, where the start sweeper finds one whose start failed
 * - CAMPAIGN#<id> / COUNTS#<nn>                   the counters `sent`, `suppressed`, `failed`, `skipped`,
 *   in 16 shards, which the ledger moves in the same transaction as the entry it settles, so the counts
 *   always match the ledger (campaign-counts.ts)
 * - CAMPAIGN#<id> / CONTENT                       subject, text and HTML templates (never change)
 * - CAMPAIGN#<id> / QUOTA                         recipients by start time, for the daily quota
 *   (gsi1: CAMPAIGNS / <startAt>#<id>); a small item so counter updates never touch the index
 * - CAMPAIGN#<id> / AUDIENCE#<audienceId>#<n>     the registration ids fixed when it started, in chunks
 * - EVENT#<eventId>#CAMPAIGNS / <createdAt>#<id>   the event's campaigns, for listing them newest first
 * - EVENT#<eventId>#CAMPAIGN_KEY#<sha256> / KEY    an Idempotency-Key's campaign and first answer (TTL)
 * - EVENT#<eventId>#CAMPAIGN_SENT#<fingerprint> / SENT  when the same content last went to the same
 *   audience, refused again within ten minutes without confirmDuplicate (TTL)
 */
const eventCampaigns = (eventId: string): string => `EVENT#${eventId}#CAMPAIGNS`;
const UNFINISHED = 'CAMPAIGNS#UNFINISHED';
const COUNTS = 'COUNTS#';

export const campaignKeys = {
  item: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  content: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CONTENT' }),
  quota: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'QUOTA' }),
  quotaIndex: 'CAMPAIGNS',
  quotaSort: (startAt: string, campaignId: string) => `${startAt}#${campaignId}`,
  /** gsi1 partition of the campaigns whose fan-out has not finished (sparse: the keys go when it has). */
  unfinishedIndex: UNFINISHED,
  unfinished: (startAt: string, campaignId: string) => ({
    gsi1pk: UNFINISHED,
    gsi1sk: `${startAt}#${campaignId}`,
  }),
  ofEvent: eventCampaigns,
  listing: (eventId: string, createdAt: string, campaignId: string) => ({
    pk: eventCampaigns(eventId),
    sk: `${createdAt}#${campaignId}`,
  }),
  idempotency: (eventId: string, key: string) => ({
    pk: `EVENT#${eventId}#CAMPAIGN_KEY#${createHash('sha256').update(key).digest('hex')}`,
    sk: 'KEY',
  }),
  sameContent: (eventId: string, fingerprint: string) => ({
    pk: `EVENT#${eventId}#CAMPAIGN_SENT#${fingerprint}`,
    sk: 'SENT',
  }),
  /** One of the campaign's count shards (campaign-counts.ts). */
  counts: (campaignId: string, shard: number) => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `${COUNTS}${String(shard).padStart(2, '0')}`,
  }),
  countsPrefix: COUNTS,
  audience: (campaignId: string, audienceId: string, index: number) => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `AUDIENCE#${audienceId}#${String(index).padStart(6, '0')}`,
  }),
};
