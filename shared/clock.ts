/**
 * The one source of "now" for Convene's code. On AWS it is the system clock; the local stack points it at
 * its virtual clock so that schedules, expiries and "in the past" checks agree with `/local/clock`.
 */
let source: () => number = () => Date.now();

export const now = (): Date => new Date(source());
export const nowMs = (): number => source();
export const nowIso = (): string => new Date(source()).toISOString();

export const useClockSource = (next: () => number): void => {
  source = next;
};
