import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';

// The URL is built from the ARN; the endpoint (AWS's, or the local emulator's) comes from configuration.
const client = new SQSClient({ maxAttempts: 3, useQueueUrlAsEndpoint: false });

/** The queue URL of a record's queue, from its ARN (the endpoint comes from the client's configuration). */
const queueUrlOf = (arn: string): string => {
  const [, , , region, account, name] = arn.split(':');
  return `https://sqs.${region}.amazonaws.com/${account}/${name}`;
};

/**
 * Backs a failed message off: it comes back after `seconds` instead of the queue's visibility timeout.
 * The event source mapping's permissions include ChangeMessageVisibility.
 */
export const retryAfter = async (record: SQSRecord, seconds: number): Promise<void> => {
  await client.send(
    new ChangeMessageVisibilityCommand({
      QueueUrl: queueUrlOf(record.eventSourceARN),
      ReceiptHandle: record.receiptHandle,
      VisibilityTimeout: Math.max(0, Math.min(43_200, Math.round(seconds))),
    }),
  );
};
