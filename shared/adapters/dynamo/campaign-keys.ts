/**
 * A campaign's item and its counters (`sent`, `suppressed`, `failed`), which the ledger moves in the
 * same transaction as the entry it settles, so the counts always match the ledger.
 */
export const campaignKeys = {
  item: (campaignId: string) => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
};

export type CampaignCounter = 'sent' | 'suppressed' | 'failed';
