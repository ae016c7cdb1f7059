import { describe, expect, it } from '@jest/globals';
import { changeErrors, readChangeForm, sameChoice, slotsOf } from '../../../shared/pages/manage/change-form';
import { conference, registration } from './manage-fixture';

describe('the change form', () => {
  it('puts workshops that run at the same time in one slot, with places left and what the delegate holds', () => {
    const slots = slotsOf(conference, { 'ws-a': 5, 'ws-b': 1 }, registration());

    expect(slots).toEqual([
      {
        id: 'slot-ws-a',
        when: 'Thursday 1 April 2027, 11:00 to 12:30',
        options: [
          { sessionId: 'ws-a', title: 'Workshop A', placesLeft: 15, held: 'confirmed' },
          { sessionId: 'ws-b', title: 'Workshop B', placesLeft: 0 },
        ],
      },
      {
        id: 'slot-ws-c',
        when: 'Thursday 1 April 2027, 14:00 to 15:00',
        options: [{ sessionId: 'ws-c', title: 'Workshop C', placesLeft: 20 }],
      },
    ]);
  });

  it('reads one session per slot, "none" as no workshop, and keeps sessions without a limit that do not clash', () => {
    const slots = slotsOf(conference, {}, registration());
    const r = registration({ sessionOrder: ['keynote', 'ws-a'] });

    expect(
      readChangeForm({ 'slot-ws-a': 'ws-b', 'slot-ws-c': 'none', other: 'x' }, slots, conference, r),
    ).toEqual(['keynote', 'ws-b']);
    expect(readChangeForm({}, slots, conference, r)).toEqual(['keynote']);
    // An unknown value is passed on for the use-case to refuse, as the JSON route does.
    expect(readChangeForm({ 'slot-ws-a': 'nope' }, slots, conference, r)).toEqual(['keynote', 'nope']);
  });

  it('knows an unchanged choice whatever its order', () => {
    expect(sameChoice(['ws-a', 'ws-c'], ['ws-c', 'ws-a'])).toBe(true);
    expect(sameChoice(['ws-a'], ['ws-a', 'ws-c'])).toBe(false);
  });

  it("puts the use-case's refusals beside the slot they concern, in GOV.UK's words", () => {
    const slots = slotsOf(conference, {}, registration());

    const clash = changeErrors(
      [{ path: 'sessions', message: 'Sessions ws-a and ws-c overlap in time' }],
      ['ws-a', 'ws-c'],
      slots,
    );
    const unknown = changeErrors(
      [{ path: 'sessions.1', message: 'No session zz in this event' }],
      ['ws-a', 'zz'],
      slots,
    );

    expect(clash).toEqual({
      summary: [{ text: 'Choose workshops that do not run at the same time', href: '#slot-ws-a' }],
      byField: { 'slot-ws-a': 'Choose workshops that do not run at the same time' },
    });
    expect(unknown.summary).toEqual([
      { text: 'Choose one of the workshops listed, or no workshop', href: '#slot-ws-a' },
    ]);
  });
});
