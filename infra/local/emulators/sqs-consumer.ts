import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { WorkTracker } from '../work-tracker';

export interface ConsumerOptions {
  batchSize: number;
  maxBatchingWindowMs?: number;
  /** Concurrent handler invocations for this queue (default 5, Lambda's initial poller count). */
  maxConcurrency?: number;
  handler: (event: SQSEvent) => Promise<SQSBatchResponse | void>;
}

/** What an event source mapping needs from its queue. */
export interface ConsumerSource {
  visibleCount(): number;
  /** Receives up to `max` visible messages (new receipt handles, visibility timers started). */
  take(max: number): SQSRecord[];
  deleteMessage(receiptHandle: string): void;
}

/**
 * A Lambda SQS event source mapping with ReportBatchItemFailures. It polls only when woken (a message
 * became visible, an invocation ended), never in a loop; failed messages are left for their visibility
 * timeout to return them, as Lambda does.
 */
export class EventSourceMapping {
  private running = 0;
  private pumpPending = false;
  private windowTimer: NodeJS.Timeout | undefined;
  private windowElapsed = false;
  private closed = false;
  private enabled = true;
  private readonly invocations = new Set<Promise<void>>();

  constructor(
    private readonly source: ConsumerSource,
    private readonly options: ConsumerOptions,
    private readonly tracker: WorkTracker,
  ) {
    if (!(options.batchSize >= 1) || !((options.maxConcurrency ?? 1) >= 1)) {
      throw new Error('batchSize and maxConcurrency must be at least 1');
    }
  }

  /** Coalesces wake-ups into one pass per macrotask, so a SendMessageBatch lands as one batch. */
  wake(): void {
    if (this.pumpPending || this.closed) return;
    this.pumpPending = true;
    setImmediate(() => {
      this.pumpPending = false;
      this.pump();
    });
  }

  /**
   * Lambda's UpdateEventSourceMapping `Enabled`: a disabled mapping takes no new batch (those running
   * finish), and messages wait in the queue until it is enabled again.
   */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (enabled) this.wake();
  }

  /** Stops polling and waits for running invocations to finish. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.windowTimer);
    await Promise.all([...this.invocations]);
  }

  private pump(): void {
    if (this.closed || !this.enabled) return;
    const { batchSize, maxBatchingWindowMs = 0, maxConcurrency = 5 } = this.options;
    while (this.running < maxConcurrency && this.source.visibleCount() > 0) {
      // Lambda's batching window: a partial batch waits for more messages until the window ends.
      if (this.source.visibleCount() < batchSize && maxBatchingWindowMs > 0 && !this.windowElapsed) {
        this.windowTimer ??= setTimeout(() => {
          this.windowTimer = undefined;
          this.windowElapsed = true;
          this.pump();
        }, maxBatchingWindowMs);
        return;
      }
      clearTimeout(this.windowTimer);
      this.windowTimer = undefined;
      this.windowElapsed = false;
      this.invoke(this.source.take(batchSize));
    }
    if (this.source.visibleCount() === 0) this.windowElapsed = false;
  }

  private invoke(records: SQSRecord[]): void {
    this.running += 1;
    const end = this.tracker.begin();
    const run: Promise<void> = this.failedIds(records)
      .then((failed) => {
        for (const record of records) {
          if (!failed.has(record.messageId)) this.source.deleteMessage(record.receiptHandle);
        }
      })
      .finally(() => {
        this.running -= 1;
        this.invocations.delete(run);
        end();
        this.wake();
      });
    this.invocations.add(run);
  }

  /**
   * Lambda's reading of a partial batch response: nothing or an empty list is full success; a thrown
   * error or a malformed or unknown itemIdentifier fails the whole batch.
   */
  private async failedIds(records: SQSRecord[]): Promise<Set<string>> {
    const all = new Set(records.map((r) => r.messageId));
    let response: unknown;
    try {
      response = await this.options.handler({ Records: records });
    } catch {
      return all; // not swallowed: the failed messages come back after their visibility timeout
    }
    if (response === undefined || response === null) return new Set();
    const failures: unknown = (response as { batchItemFailures?: unknown }).batchItemFailures;
    if (failures === undefined || failures === null) return new Set();
    if (!Array.isArray(failures)) return all;
    const failed = new Set<string>();
    for (const failure of failures as unknown[]) {
      const id: unknown = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
      if (typeof id !== 'string' || !all.has(id)) return all;
      failed.add(id);
    }
    return failed;
  }
}
