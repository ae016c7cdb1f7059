import { describe, expect, it } from '@jest/globals';
import { doorView, type DoorList } from '../../../shared/console/door/door-view';

const list: DoorList = {
  conference: { eventId: 'evt_1', title: 'Trust leaders day', timezone: 'Europe/London' },
  delegates: [
    {
      registrationId: 'reg_a',
      name: 'Ada Lovelace',
      organisation: 'Hilltop Primary',
      attendedAt: '2027-04-01T07:52:00.000Z',
    },
    { registrationId: 'reg_b', name: 'Ben Okafor', organisation: 'Riverside Academy' },
    { registrationId: 'reg_c', name: 'Cara Nwosu' },
  ],
  confirmed: 4,
  checkedIn: 1,
};

const shownNames = (view: ReturnType<typeof doorView>) =>
  view.delegates.filter((d) => d.shown).map((d) => d.name);

describe('the check-in page', () => {
  it('carries every confirmed delegate, none shown before a search, and the count of the confirmed', () => {
    const view = doorView(list);

    expect(view.delegates.map((d) => d.name)).toEqual(['Ada Lovelace', 'Ben Okafor', 'Cara Nwosu']);
    expect(shownNames(view)).toEqual([]);
    expect(view.count).toEqual({ checkedIn: 1, confirmed: 4 });
    expect(view.found).toBe('');
    expect(view.banner).toBeUndefined();
    expect(view.errors).toEqual([]);
  });

  it('shows those the search finds (without JavaScript, `?q=`), with when each was checked in', () => {
    const view = doorView(list, { query: 'hill' });

    expect(shownNames(view)).toEqual(['Ada Lovelace']);
    expect(view.delegates[0]).toMatchObject({ checkedInAt: '08:52', organisation: 'Hilltop Primary' });
    expect(view.delegates[1]?.checkedInAt).toBeNull();
    expect(view.found).toBe('1 delegate found');
  });

  it('after a check-in, says who and offers to undo it from the banner', () => {
    const view = doorView(list, { outcome: { kind: 'checked-in', registrationId: 'reg_a' } });

    expect(view.banner?.heading).toBe('Ada Lovelace is checked in');
    expect(view.bannerUndo).toEqual({ registrationId: 'reg_a', name: 'Ada Lovelace' });
    expect(doorView(list, { outcome: { kind: 'already', registrationId: 'reg_a' } }).bannerUndo).toBeNull();
  });

  it('shows a refused code again with what to do, linked from the error summary', () => {
    const view = doorView(list, { code: { value: 'zzzz', error: 'Enter the check-in code' } });

    expect(view.code).toEqual({ value: 'zzzz', error: 'Enter the check-in code' });
    expect(view.errors).toEqual([{ text: 'Enter the check-in code', href: '#code' }]);
  });

  it('links the door’s own addresses', () => {
    expect(doorView(list).urls).toMatchObject({
      door: '/console/events/evt_1/door',
      checkIn: '/console/events/evt_1/door/check-in',
      undo: '/console/events/evt_1/door/undo',
      walkIn: '/console/events/evt_1/door/walk-in',
    });
    expect(doorView(list).urls.after('already', 'reg_a')).toBe(
      '/console/events/evt_1/door?done=already&r=reg_a',
    );
  });
});
