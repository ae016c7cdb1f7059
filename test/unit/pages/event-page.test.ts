import { beforeAll, describe, expect, it } from '@jest/globals';
import { conferenceView, type SeatCounts } from '../../../shared/domain/conference';
import type { Conference } from '../../../shared/domain/conference/conference';
import { noErrors } from '../../../shared/pages/form-errors';
import { emptyRegistrationForm } from '../../../shared/pages/event/registration-form';
import type * as EventPage from '../../../shared/pages/event/event-page';
import type * as FormGuard from '../../../shared/pages/form-guard';

// The page signs its form with the link key and names the built assets: both read at load.
process.env.TOKEN_SECRET ??= 'unit-test-link-key-unit-test-link-key';
process.env.PAGE_ASSETS ??= JSON.stringify({
  css: '/assets/app.css',
  js: '/assets/app.js',
  consoleJs: '/assets/console.js',
});
let page: typeof EventPage;
let guard: typeof FormGuard;
beforeAll(async () => {
  page = await import('../../../shared/pages/event/event-page');
  guard = await import('../../../shared/pages/form-guard');
});

const conference: Conference = {
  eventId: 'evt_1',
  title: 'Trust leaders day',
  status: 'published',
  timezone: 'Europe/London',
  startsAt: '2027-02-04T09:00:00.000Z',
  endsAt: '2027-02-04T16:30:00.000Z',
  venue: { name: 'Leeds Civic Hall', address: 'Millennium Square, Leeds LS1 1UR' },
  capacity: 100,
  sessions: [
    {
      id: 'close',
      title: 'Drinks',
      kind: 'networking',
      startsAt: '2027-02-04T15:30:00.000Z',
      endsAt: '2027-02-04T16:30:00.000Z',
    },
    {
      id: 'ws-b',
      title: 'Workshop B',
      kind: 'workshop',
      startsAt: '2027-02-04T11:00:00.000Z',
      endsAt: '2027-02-04T12:00:00.000Z',
      capacity: 20,
    },
    {
      id: 'keynote',
      title: 'Opening keynote',
      kind: 'keynote',
      startsAt: '2027-02-04T09:30:00.000Z',
      endsAt: '2027-02-04T10:30:00.000Z',
    },
    {
      id: 'ws-a',
      title: 'Workshop A',
      kind: 'workshop',
      startsAt: '2027-02-04T11:00:00.000Z',
      endsAt: '2027-02-04T12:00:00.000Z',
      capacity: 20,
    },
    {
      id: 'ws-c',
      title: 'Workshop C',
      kind: 'workshop',
      startsAt: '2027-02-04T14:00:00.000Z',
      endsAt: '2027-02-04T15:00:00.000Z',
      capacity: 10,
    },
  ],
  reminders: [],
  version: 1,
  createdAt: '2026-12-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};
const seats: SeatCounts = { event: 5, sessions: { 'ws-a': 19, 'ws-b': 20 } };
const before = new Date('2027-01-10T12:00:00.000Z');
const viewOf = (c: Conference, at = before) => conferenceView(c, seats, at);

describe('the event page model', () => {
  it('shows the day in the event’s zone, the venue and the places left', () => {
    const model = page.eventPageModel(viewOf(conference), before);

    expect(model.event).toEqual({
      when: 'Thursday 4 February 2027, 09:00 to 16:30',
      zoneNote: null,
      venueName: 'Leeds Civic Hall',
      venueAddress: 'Millennium Square, Leeds LS1 1UR',
      places: '95 places left',
      full: false,
    });
    expect(model.serviceName).toBe('Trust leaders day');
  });

  it('says the times are the event’s own where they are not UK time, so 09:00 is not read as UK time', () => {
    const model = page.eventPageModel(viewOf({ ...conference, timezone: 'Asia/Kolkata' }), before);

    expect(model.event.when).toBe('Thursday 4 February 2027, 14:30 to 22:00');
    expect(model.event.zoneNote).toBe('Times are local to the event (Asia/Kolkata).');
  });

  it('lists the programme in order, workshops that run at the same time in one slot with their places', () => {
    const { slots } = page.eventPageModel(viewOf(conference), before);

    expect(slots.map((s) => [s.when, s.sessions.map((x) => x.title)])).toEqual([
      ['09:30 to 10:30', ['Opening keynote']],
      ['11:00 to 12:00', ['Workshop B', 'Workshop A']],
      ['14:00 to 15:00', ['Workshop C']],
      ['15:30 to 16:30', ['Drinks']],
    ]);
    expect(slots[1]).toMatchObject({ parallel: true, column: 'one-half' });
    expect(slots[1]!.sessions.map((s) => s.places)).toEqual(['Full – join the waiting list', '1 place left']);
    expect(slots[0]!.sessions[0]).toMatchObject({ kind: 'Keynote', places: null });
  });

  it('asks one question per slot with workshops: their places in the hint, "No workshop" as the last answer', () => {
    const { form } = page.eventPageModel(viewOf(conference), before);

    if (!form) throw new Error('no form while registration is open');
    expect(form.choices.map((c) => [c.name, c.legend])).toEqual([
      ['workshop-1', 'Choose a workshop, 11:00 to 12:00'],
      ['workshop-2', 'Workshop, 14:00 to 15:00'],
    ]);
    expect(form.choices[0]!.items).toEqual([
      { value: 'ws-b', text: 'Workshop B', hint: { text: 'Full – join the waiting list' }, checked: false },
      { value: 'ws-a', text: 'Workshop A', hint: { text: '1 place left' }, checked: false },
      { divider: 'or' },
      { value: 'none', text: 'No workshop in this slot', checked: false },
    ]);
  });

  it('signs its form for this event, so a post of it is recognised', () => {
    const { form } = page.eventPageModel(viewOf(conference), before);

    expect(guard.checkFormToken('register', 'evt_1', form ? form.token : undefined)).toMatchObject({
      ok: true,
    });
    expect(guard.checkFormToken('register', 'evt_2', form ? form.token : undefined)).toMatchObject({
      ok: false,
    });
  });

  it('keeps what was chosen when the form comes back with errors', () => {
    const state = {
      values: { ...emptyRegistrationForm, workshops: { 'workshop-1': 'ws-a', 'workshop-2': 'none' } },
      errors: noErrors,
    };

    const { form } = page.eventPageModel(viewOf(conference), before, state);

    expect(form && form.choices.map((c) => c.items.filter((i) => i.checked).map((i) => i.value))).toEqual([
      ['ws-a'],
      ['none'],
    ]);
  });

  it('says the event is full and registering joins the waiting list', () => {
    const model = page.eventPageModel(conferenceView(conference, { ...seats, event: 100 }, before), before);

    expect(model.event).toMatchObject({ places: 'None – you can join the waiting list', full: true });
  });

  it('has no form once the event has started, and says registration has closed and why, once', () => {
    const during = new Date('2027-02-04T10:00:00.000Z');
    const after = new Date('2027-02-04T17:00:00.000Z');

    expect(page.eventPageModel(viewOf(conference, during), during)).toMatchObject({
      form: false,
      closed: { heading: 'Registration has closed', text: 'This event has started.' },
    });
    expect(page.eventPageModel(viewOf(conference, after), after)).toMatchObject({
      form: false,
      closed: { heading: 'Registration has closed', text: 'This event has finished.' },
    });
    // No places left, nor a waiting list to join, once no one can take them.
    const closed = page.eventPageModel(viewOf(conference, during), during);
    expect(closed.event.places).toBeNull();
    expect(closed.slots.flatMap((slot) => slot.sessions.map((s) => s.places))).toEqual(
      closed.slots.flatMap((slot) => slot.sessions.map(() => null)),
    );
  });
});

describe('the event page', () => {
  it('renders the form with GOV.UK labels and the privacy notice link', () => {
    const result = page.eventPage(viewOf(conference), before);

    expect(result.statusCode).toBe(200);
    const body = String(result.body);
    for (const label of [
      'Full name',
      'Email address',
      'School or organisation',
      'Role',
      'Access needs',
      'Dietary needs',
    ])
      expect(body).toContain(label);
    expect(body).toContain('href="/privacy"');
    expect(body).toContain('name="formToken"');
    expect(body).not.toMatch(/style=|<style|<script>/);
  });

  it('is gone (410) in words for a cancelled event', () => {
    const cancelled = {
      ...conference,
      status: 'cancelled' as const,
      cancelledAt: '2027-01-05T09:00:00.000Z',
    };

    const result = page.eventPage(viewOf(cancelled), before);

    expect(result.statusCode).toBe(410);
    expect(String(result.body)).toContain('This event has been cancelled');
    expect(String(result.body)).not.toContain('<form');
  });
});
