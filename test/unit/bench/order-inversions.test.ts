import { describe, expect, it } from '@jest/globals';
import { orderInversions } from '../../bench/burst-figures';

const at = (second: number) => `2026-12-02T09:00:${String(second).padStart(2, '0')}.000Z`;

describe('the burst bench’s order inversions', () => {
  it('counts each confirmed registration that jumped one requested earlier and waitlisted', () => {
    expect(
      orderInversions([
        { requestedAt: at(1), confirmed: true, waitlisted: false },
        { requestedAt: at(2), confirmed: false, waitlisted: true },
        { requestedAt: at(3), confirmed: true, waitlisted: false },
        { requestedAt: at(4), confirmed: true, waitlisted: false },
        { requestedAt: at(5), confirmed: false, waitlisted: true },
      ]),
    ).toBe(2);
  });

  it('finds none when places went in the order asked, or when two were asked at the same moment', () => {
    expect(
      orderInversions([
        { requestedAt: at(3), confirmed: false, waitlisted: true },
        { requestedAt: at(1), confirmed: true, waitlisted: false },
        { requestedAt: at(2), confirmed: true, waitlisted: false },
      ]),
    ).toBe(0);
    expect(
      orderInversions([
        { requestedAt: at(1), confirmed: false, waitlisted: true },
        { requestedAt: at(1), confirmed: true, waitlisted: false },
      ]),
    ).toBe(0);
  });
});
