import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { EnvNames, requireEnv } from '../config/env';
import type { SendRequest } from '../domain/mail/send-request';

const queueUrl = requireEnv(EnvNames.sendQueueUrl);
const client = new SQSClient({ maxAttempts: 5 });

/** Enqueues sends in batches of ten (SQS's limit); a partially failed batch throws so the caller retries. */
export const enqueueSends = async (requests: readonly SendRequest[]): Promise<void> => {
  for (let i = 0; i < requests.length; i += 10) {
    const batch = requests.slice(i, i + 10);
    const result = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((request, n) => ({ Id: String(n), MessageBody: JSON.stringify(request) })),
      }),
    );
    if ((result.Failed ?? []).length > 0) {
      throw new Error(
        `Could not enqueue ${result.Failed?.length} sends: ${result.Failed?.[0]?.Message ?? ''}`,
      );
    }
  }
};
