import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { DetailOf, EventContract } from '../../events/contract';
import { EnvNames, requireEnv } from '../config/env';
import { OutboxMetrics } from '../domain/outbox/outbox-metrics';
import { publishCount } from './metrics';
import { logger } from './observability';
import { park, refusalOf, type BusEntry, type PlacesOrder } from './outbox';

const queueUrl = requireEnv(EnvNames.placesQueueUrl);
const client = new SQSClient({ maxAttempts: 4 });

/**
 * Sends an entry to the places queue in its event's group. Never throws: says why SQS refused it, or
 * nothing when SQS took it. A send SQS took but whose answer was lost is sent again by the outbox with
 * the same deduplication id, and SQS delivers it once.
 */
export const sendPlacesEntry = async (entry: BusEntry, order: PlacesOrder): Promise<string | undefined> => {
  try {
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(entry),
        MessageGroupId: order.group,
        MessageDeduplicationId: order.deduplicationId,
      }),
    );
    return undefined;
  } catch (error) {
    return refusalOf(error);
  }
};

/**
 * Asks for a decision about an event's places (allocation, cancellation, a session change, filling
 * freed places). It goes straight to the places queue, not through the bus, because the bus does not
 * keep order: the queue's group for the event hands the decisions to one consumer at a time, in the
 * order they were asked for. The detail is checked against its contract first. When SQS refuses, the
 * entry goes to the outbox, which the sweeper sends within a minute; only if the outbox refuses too does
 * this throw, and the caller fails as it would without one.
 */
export const askForPlaces = async <C extends EventContract>(
  contract: C,
  detail: DetailOf<C>,
  order: PlacesOrder,
): Promise<void> => {
  const entry: BusEntry = {
    Source: contract.source,
    DetailType: contract.detailType,
    Detail: JSON.stringify(contract.schema.parse(detail)),
  };
  const refused = await sendPlacesEntry(entry, order);
  if (refused === undefined) return;
  const parked = await park(entry, refused, order);
  logger.warn('The places queue refused a request; it waits in the outbox for the sweeper', {
    detailType: entry.DetailType,
    reason: refused,
    parked,
  });
  publishCount(OutboxMetrics.parked, 1);
};
