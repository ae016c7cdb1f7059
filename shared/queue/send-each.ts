import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from '../adapters/observability';

/**
 * Handles an SQS batch record by record and reports the failed ones (ReportBatchItemFailures), so only
 * those come back after the visibility timeout and, past maxReceiveCount, land in the DLQ.
 */
export const sendEach = async <S extends z.ZodType>(
  event: SQSEvent,
  schema: S,
  work: (message: z.infer<S>) => Promise<unknown>,
): Promise<SQSBatchResponse> => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  await Promise.all(
    event.Records.map(async (record) => {
      try {
        await work(schema.parse(JSON.parse(record.body)));
      } catch (error) {
        logger.warn('Queue message failed; it will be retried', {
          messageId: record.messageId,
          error: error as Error,
        });
        failures.push({ itemIdentifier: record.messageId });
      }
    }),
  );
  return { batchItemFailures: failures };
};
