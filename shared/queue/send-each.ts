import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from '../zod';
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
 * gets its message's visibility set to that delay. Up to `concurrency` records are in hand at once
 * (one by default), so work that waits (for a rate, for a remote call) overlaps.
 */
export const sendEach = async <S extends z.ZodMiniType>(
  event: SQSEvent,
  schema: S,
  work: (message: z.infer<S>, delivery: Delivery) => Promise<unknown>,
  backOff: (record: SQSRecord, seconds: number) => Promise<void>,
  concurrency = 1,
): Promise<SQSBatchResponse> => {
  const failed = new Set<SQSRecord>();
  const handle = async (record: SQSRecord): Promise<void> => {
    try {
      await work(schema.parse(JSON.parse(record.body)), {
        receiveCount: Number(record.attributes?.ApproximateReceiveCount ?? '1'),
      });
    } catch (error) {
      failed.add(record);
      if (error instanceof RetryLaterError) await backOff(record, error.seconds).catch(() => undefined);
      else
        logger.warn('Queue message failed; it will be retried', {
          messageId: record.messageId,
          error: error as Error,
        });
    }
  };
  const waiting = [...event.Records];
  const worker = async (): Promise<void> => {
    for (let record = waiting.shift(); record; record = waiting.shift()) await handle(record);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, waiting.length)) }, worker));
  return {
    batchItemFailures: event.Records.filter((r) => failed.has(r)).map((r) => ({
      itemIdentifier: r.messageId,
    })),
  };
};
