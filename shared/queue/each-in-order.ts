import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { logger } from '../adapters/observability';

/**
 * Works through a FIFO queue's batch one message at a time, in the order SQS gave it. The first message
 * that fails fails with every message after it, which SQS then delivers again in the same order: a later
 * message of a group never overtakes an earlier one (AWS's rule for partial batch responses from FIFO
 * queues). Messages are not worked on side by side, since their order is the point.
 */
export const eachInOrder = async (
  event: SQSEvent,
  work: (record: SQSRecord) => Promise<unknown>,
): Promise<SQSBatchResponse> => {
  for (const [i, record] of event.Records.entries()) {
    try {
      await work(record);
    } catch (error) {
      const notDone = event.Records.slice(i);
      logger.warn('Queue message failed; it and the messages after it will be retried in order', {
        messageId: record.messageId,
        after: notDone.length - 1,
        error: error as Error,
      });
      return { batchItemFailures: notDone.map((r) => ({ itemIdentifier: r.messageId })) };
    }
  }
  return { batchItemFailures: [] };
};
