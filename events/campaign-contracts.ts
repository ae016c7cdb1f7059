import * as z from '../shared/zod';
import { defineEvent, type EventContract } from './contract';
import { Sources } from './sources';

/**
 * A campaign is due to start: put on the bus by its one-time schedule at `sendAt`, or at once by the
 * request that created it. The fan-out then fixes its audience and queues one mail per recipient; a
 * second delivery finds the audience fixed and queues nothing twice. Ids only, no personal data.
 */
export const CampaignSendDue = defineEvent(
  Sources.messaging,
  'Campaign Send Due',
  z.object({ campaignId: z.string().check(z.minLength(1)), eventId: z.string().check(z.minLength(1)) }),
  'campaign-send-due.json',
);
export type CampaignSendDue = z.infer<typeof CampaignSendDue.schema>;

/** An organiser cancelled a campaign: what was not sent by then is not sent. */
export const CampaignCancelled = defineEvent(
  Sources.messaging,
  'Campaign Cancelled',
  z.object({
    campaignId: z.string().check(z.minLength(1)),
    eventId: z.string().check(z.minLength(1)),
    /** Whether it had started: if so, some mail may have gone before the cancel. */
    started: z.boolean(),
    cancelledAt: z.iso.datetime(),
  }),
  'campaign-cancelled.json',
);
export type CampaignCancelled = z.infer<typeof CampaignCancelled.schema>;

/** The campaign area's bus events; each one is also exported by name from here. */
export const campaignContracts: readonly EventContract[] = [CampaignSendDue, CampaignCancelled];
