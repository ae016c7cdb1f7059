import { describe, expect, it } from '@jest/globals';
import { doorBanner, isDoorOutcome } from '../../../shared/console/door/door-outcome';

const ada = { registrationId: 'reg_1', name: 'Ada Lovelace', attendedAt: '2027-04-01T07:52:30.000Z' };

describe("the door's banner after an action", () => {
  it('names the delegate checked in', () => {
    expect(doorBanner('checked-in', ada, 'Europe/London')).toEqual({
      type: 'success',
      heading: 'Ada Lovelace is checked in',
    });
  });

  it('says when an earlier check-in was, in the event’s zone, and that nothing changed', () => {
    expect(doorBanner('already', ada, 'Europe/London')).toEqual({
      type: 'important',
      heading: 'Ada Lovelace was already checked in at 08:52 – nothing changed',
    });
    expect(doorBanner('already', ada, 'America/New_York').heading).toContain('at 03:52');
  });

  it('says an undo was done, and a second undo that nothing changed', () => {
    const { attendedAt: _gone, ...notIn } = ada;
    expect(doorBanner('undone', notIn, 'Europe/London')).toEqual({
      type: 'success',
      heading: 'Check-in undone',
      text: 'Ada Lovelace is no longer checked in.',
    });
    expect(doorBanner('not-checked-in', notIn, 'Europe/London')).toEqual({
      type: 'important',
      heading: 'Ada Lovelace was not checked in – nothing changed',
    });
  });

  it('says a walk-in is registered and checked in, or that the event filled up first', () => {
    expect(doorBanner('walk-in', ada, 'Europe/London').heading).toBe(
      'Ada Lovelace is registered and checked in',
    );
    expect(doorBanner('walk-in-waiting', undefined, 'Europe/London')).toMatchObject({
      type: 'important',
      heading: 'Not checked in: the event is full',
    });
  });

  it('knows only its own outcomes in the address', () => {
    expect(isDoorOutcome('checked-in')).toBe(true);
    expect(isDoorOutcome('deleted')).toBe(false);
    expect(isDoorOutcome(undefined)).toBe(false);
  });
});
