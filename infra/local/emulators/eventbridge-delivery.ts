/**
 * Delivery of one event to one rule's target, as EventBridge does it: asynchronously, retried with
 * exponential backoff on failure, and dead-lettered once the retry policy is spent.
 */
import type { WorkTracker } from '../work-tracker';

export interface DeliveryPolicy<E> {
  readonly tracker: WorkTracker;
  /** Retries after the first attempt (AWS RetryPolicy.MaximumRetryAttempts). */
  readonly maximumRetryAttempts: number;
  readonly retryBaseDelayMs: number;
  readonly retryMaxDelayMs: number;
  readonly onGiveUp: (event: E, error: string, attempts: number) => void;
  readonly log: (line: string) => void;
}

const describeError = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts delivering `event` to `target` and returns at once. The whole delivery, every attempt and every
 * backoff wait, is one tracked unit opened here synchronously, so `tracker.idle()` called right after
 * PutEvents already waits for it.
 */
export function deliver<E>(event: E, target: (event: E) => Promise<void>, policy: DeliveryPolicy<E>): void {
  const end = policy.tracker.begin();
  const run = async (): Promise<void> => {
    for (let attempts = 1; ; attempts += 1) {
      try {
        // Each target gets its own copy, as each AWS target gets its own payload.
        await target(structuredClone(event));
        return;
      } catch (error) {
        if (attempts > policy.maximumRetryAttempts) {
          policy.onGiveUp(event, describeError(error), attempts);
          return;
        }
        await sleep(Math.min(policy.retryBaseDelayMs * 2 ** (attempts - 1), policy.retryMaxDelayMs));
      }
    }
  };
  // setImmediate: PutEvents answers before any target runs, as on AWS.
  setImmediate(() => {
    run()
      .catch((error: unknown) =>
        policy.log(`[eventbridge] delivery bookkeeping failed: ${describeError(error)}`),
      )
      .finally(end);
  });
}
