import { SECOND_MS } from '../durations';

export interface WritePaceOptions {
  readonly clock?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Holds a run of writes to at most `perSecond` on average: `after(done)` resolves once `done` writes have
 * taken at least done / perSecond seconds since the pace began, at once if they took longer. Time and sleep
 * are injected so the pace is tested without waiting.
 */
export const writePace = (perSecond: number, options: WritePaceOptions = {}) => {
  if (!(perSecond > 0)) throw new Error(`A write pace must be positive, got ${perSecond}`);
  const clock = options.clock ?? (() => performance.now());
  const sleep = options.sleep ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const began = clock();
  return {
    after: async (done: number): Promise<void> => {
      const wait = began + (done * SECOND_MS) / perSecond - clock();
      if (wait > 0) await sleep(wait);
    },
  };
};
