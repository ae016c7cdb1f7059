/**
 * Counts the asynchronous work in flight across the local emulators (bus deliveries, retries waiting,
 * queued and in-flight messages, schedule firings), so `/local/settle` can wait for all of it at once.
 */
export class WorkTracker {
  private inFlight = 0;
  private waiters: (() => void)[] = [];

  get busy(): boolean {
    return this.inFlight > 0;
  }

  /** Marks one unit of work started; call the returned function exactly once when it ends. */
  begin(): () => void {
    this.inFlight += 1;
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.inFlight -= 1;
      if (this.inFlight === 0) this.wake();
    };
  }

  /** Runs `work` as one tracked unit. */
  async track<T>(work: () => Promise<T>): Promise<T> {
    const end = this.begin();
    try {
      return await work();
    } finally {
      end();
    }
  }

  /** Resolves once nothing is in flight (and stays so across a macrotask, so chained work is seen). */
  async idle(): Promise<void> {
    for (;;) {
      if (this.inFlight > 0) await new Promise<void>((resolve) => this.waiters.push(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (this.inFlight === 0) return;
    }
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
