import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DetailOf, EventContract } from '../../events/contract';
import { EnvNames, requireEnv } from '../config/env';

const eventBusName = requireEnv(EnvNames.eventBusName);
const client = new EventBridgeClient({ maxAttempts: 4 });

export class PublishFailedError extends Error {
  constructor(detailType: string, reason: string) {
    super(`Could not put ${detailType} on the bus: ${reason}`);
    this.name = 'PublishFailedError';
  }
}

/**
 * Puts a domain event on Convene's bus. The detail is checked against its contract first, so a
 * producer can never emit what consumers would reject. A partially failed PutEvents throws.
 */
export const publish = async <C extends EventContract>(contract: C, detail: DetailOf<C>): Promise<string> => {
  const valid = contract.schema.parse(detail);
  const result = await client.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: eventBusName,
          Source: contract.source,
          DetailType: contract.detailType,
          Detail: JSON.stringify(valid),
        },
      ],
    }),
  );
  const entry = result.Entries?.[0];
  if ((result.FailedEntryCount ?? 0) > 0 || !entry?.EventId) {
    throw new PublishFailedError(
      contract.detailType,
      `${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`,
    );
  }
  return entry.EventId;
};
