import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod';
import { logger } from '../adapters/observability';

/** Thrown by work that should be tried again later, after `seconds` rather than the visibility timeout. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly seconds: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

export interface Delivery {
  /** How many times this message has been received, this time included. */
  readonly receiveCount: number;
}

/**
 * Handles an SQS batch record by record and reports the failed ones (ReportBatchItemFailures), so only
 * those come back and, past maxReceiveCount, land in the DLQ. Work that asks to be retried later
 * gets its message's visibility set to that delay.
 */
export const sendEach = async <S extends z.ZodType>(
  event: SQSEvent,
  schema: S,
  work: (message: z.infer<S>, delivery: Delivery) => Promise<unknown>,
  backOff: (record: SQSRecord, seconds: number) => Promise<void>,
): Promise<SQSBatchResponse> => {
  const failures: SQSBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    try {
      await work(schema.parse(JSON.parse(record.body)), {
        receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? '1'),
      });
    } catch (error) {
      failures.push({ itemIdentifier: record.messageId });
      if (error instanceof RetryLaterError) await backOff(record, error.seconds).catch(() => undefined);
      else
        logger.warn('Queue message failed; it will be retried', {
          messageId: record.messageId,
          error: error as Error,
        });
    }
  }
  return { batchItemFailures: failures };
};
