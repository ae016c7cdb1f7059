/** Something a suite starts, and how to stop it again. */
export interface Starting<T> {
  readonly started: Promise<T>;
  readonly stop: (value: T) => Promise<unknown>;
}

/**
 * Starts everything a suite needs at once. If one fails, those that did start are stopped before the
 * failure is thrown: a suite's `beforeAll` assigns nothing when it throws, so its `afterAll` cannot stop
 * them, and a chromium or a local stack left running keeps jest from ever exiting (CI would hang, not fail).
 */
export const startTogether = async <T extends unknown[]>(
  ...parts: { [K in keyof T]: Starting<T[K]> }
): Promise<T> => {
  const settled = await Promise.allSettled(parts.map((part) => part.started));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) {
    await Promise.allSettled(
      settled.map((s, i) => (s.status === 'fulfilled' ? parts[i]?.stop(s.value) : undefined)),
    );
    throw failure.reason;
  }
  return settled.map((s) => (s as PromiseFulfilledResult<unknown>).value) as T;
};
