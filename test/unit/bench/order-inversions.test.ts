import { describe, expect, it } from '@jest/globals';
import { orderInversions, sequenceOrder } from '../../bench/burst-figures';

const at = (second: number) => `2026-12-02T09:00:${String(second).padStart(2, '0')}.000Z`;

describe('the burst bench’s order inversions', () => {
  it('counts each confirmed registration that jumped one requested earlier and waitlisted', () => {
    expect(
      orderInversions([
        { order: at(1), confirmed: true, waitlisted: false },
        { order: at(2), confirmed: false, waitlisted: true },
        { order: at(3), confirmed: true, waitlisted: false },
        { order: at(4), confirmed: true, waitlisted: false },
        { order: at(5), confirmed: false, waitlisted: true },
      ]),
    ).toBe(2);
  });

  it('finds none when places went in the order asked, or when two were asked at the same moment', () => {
    expect(
      orderInversions([
        { order: at(3), confirmed: false, waitlisted: true },
        { order: at(1), confirmed: true, waitlisted: false },
        { order: at(2), confirmed: true, waitlisted: false },
      ]),
    ).toBe(0);
    expect(
      orderInversions([
        { order: at(1), confirmed: false, waitlisted: true },
        { order: at(1), confirmed: true, waitlisted: false },
      ]),
    ).toBe(0);
  });

  it('orders queue sequence numbers by value, whatever their length', () => {
    expect(
      orderInversions([
        { order: sequenceOrder('10'), confirmed: true, waitlisted: false },
        { order: sequenceOrder('9'), confirmed: false, waitlisted: true },
      ]),
    ).toBe(1);
  });
});
