import { describe, expect, it } from '@jest/globals';
import { VirtualClock } from '../../infra/local/clock';

describe('VirtualClock', () => {
  it('moves forward to an instant ahead and never back', () => {
    const clock = new VirtualClock();
    const ahead = Date.now() + 86_400_000;
    expect(clock.advanceTo(ahead).getTime()).toBeGreaterThanOrEqual(ahead);
    const before = clock.nowMs();
    clock.advanceTo(ahead - 3_600_000);
    expect(clock.nowMs()).toBeGreaterThanOrEqual(before);
  });
});
