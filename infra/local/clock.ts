/**
 * The local stack's virtual clock: real time plus an offset that only grows, so time passes as usual
 * and `/local/clock` can jump forward (never back).
 */
export class VirtualClock {
  private offsetMs: number;

  constructor(offsetMs = 0) {
    this.offsetMs = Math.max(0, offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** Back to the machine's time: only for `POST /local/reset`, which empties everything the clock dated. */
  reset(): void {
    this.offsetMs = 0;
  }

  /** Moves the clock to `instant` when it lies ahead; returns the new now. Never moves back. */
  advanceTo(instant: Date | number): Date {
    const target = typeof instant === 'number' ? instant : instant.getTime();
    const current = this.nowMs();
    if (target > current) this.offsetMs += target - current;
    return this.now();
  }
}
