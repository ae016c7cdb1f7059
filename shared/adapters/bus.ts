import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DetailOf, EventContract } from '../../events/contract';
import { EnvNames, requireEnv } from '../config/env';
import { OutboxMetrics } from '../domain/outbox/outbox-metrics';
import { publishCount } from './metrics';
import { logger } from './observability';
import { park, refusalOf, type BusEntry } from './outbox';

const eventBusName = requireEnv(EnvNames.eventBusName);
const client = new EventBridgeClient({ maxAttempts: 4 });

/** PutEvents takes at most this many entries a call. */
export const MAX_ENTRIES_PER_PUT = 10;

/** One entry's outcome: its event id, or why the bus refused it. */
export type PutOutcome = { readonly eventId: string } | { readonly failed: string };

/**
 * Puts up to 10 entries on Convene's bus and says, entry by entry, which the bus took. Never throws: a
 * failed call (after the SDK's retries) fails every entry, and a partial failure (HTTP 200 with
 * FailedEntryCount > 0) fails the entries that carry an ErrorCode, as AWS reports them in position.
 */
export const putEntries = async (entries: readonly BusEntry[]): Promise<PutOutcome[]> => {
  try {
    const result = await client.send(
      new PutEventsCommand({ Entries: entries.map((e) => ({ ...e, EventBusName: eventBusName })) }),
    );
    return entries.map((_, i): PutOutcome => {
      const answer = result.Entries?.[i];
      return answer?.EventId && !answer.ErrorCode
        ? { eventId: answer.EventId }
        : { failed: `${answer?.ErrorCode ?? 'NoResult'} ${answer?.ErrorMessage ?? ''}`.trim() };
    });
  } catch (error) {
    return entries.map(() => ({ failed: refusalOf(error) }));
  }
};

/**
 * Puts a domain event on Convene's bus. The detail is checked against its contract first, so a
 * producer can never emit what consumers would reject. When the bus refuses it (the whole call failed,
 * or its entry came back with an ErrorCode), the entry goes to the outbox, which the sweeper puts on the
 * bus within a minute: the write the caller made is announced either way. Only if the outbox's own write
 * fails too does this throw, and the caller fails as it would without an outbox.
 */
export const publish = async <C extends EventContract>(contract: C, detail: DetailOf<C>): Promise<string> => {
  const valid = contract.schema.parse(detail);
  const entry: BusEntry = {
    Source: contract.source,
    DetailType: contract.detailType,
    Detail: JSON.stringify(valid),
  };
  const [outcome] = await putEntries([entry]);
  if (outcome && 'eventId' in outcome) return outcome.eventId;
  const reason = outcome?.failed ?? 'no result';
  const parked = await park(entry, reason);
  logger.warn('The bus refused an event; it waits in the outbox for the sweeper', {
    detailType: entry.DetailType,
    reason,
    parked,
  });
  publishCount(OutboxMetrics.parked, 1);
  return parked;
};
