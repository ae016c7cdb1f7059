import { DAY_MS } from '../durations';

/**
 * When a campaign's start counts as failed, so the start sweeper asks for it again (README, "Bounds, and
 * no half-written requests"). Asking again is safe at any time (the audience is fixed by one conditional
 * write, each mail is claimed once in the ledger); these only keep the sweeper from doubling work that is
 * still going.
 */

/** The fan-out's timeout (the start function's, in the wiring): a fan-out started longer ago has ended. */
export const FAN_OUT_TIMEOUT_SECONDS = 600;

/** A due campaign not started this long after its time has lost its start (the bus's own retries come sooner). */
export const START_GRACE_MS = 2 * 60_000;

/** A started campaign still not fully queued this long after it started has lost its fan-out. */
export const FAN_OUT_GRACE_MS = (FAN_OUT_TIMEOUT_SECONDS + 5 * 60) * 1000;

/**
 * How far back the sweeper looks: a campaign that could not start within a day of its time is left to a
 * person (its start is in the rule's dead-letter queue, whose alarm has gone off), as it would now be late
 * in a way nobody chose.
 */
export const START_LOOK_BACK_MS = DAY_MS;

/** A campaign whose fan-out has not finished, as the sweeper reads it. */
export interface UnfinishedCampaign {
  readonly campaignId: string;
  readonly eventId: string;
  readonly startAt: string;
  /** Set once its audience is fixed. */
  readonly startedAt?: string;
}

/** The start times (ISO, inclusive) of the campaigns the sweeper looks at `now`. */
export const startSweepWindow = (now: Date): { readonly from: string; readonly to: string } => ({
  from: new Date(now.getTime() - START_LOOK_BACK_MS).toISOString(),
  to: new Date(now.getTime() - START_GRACE_MS).toISOString(),
});

/** Whether its start (or its fan-out) has been lost rather than still under way. */
export const startLost = (campaign: UnfinishedCampaign, now: Date): boolean =>
  campaign.startedAt === undefined
    ? new Date(campaign.startAt).getTime() <= now.getTime() - START_GRACE_MS
    : new Date(campaign.startedAt).getTime() <= now.getTime() - FAN_OUT_GRACE_MS;
