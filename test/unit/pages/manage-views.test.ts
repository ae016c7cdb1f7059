import { describe, expect, it } from '@jest/globals';
import { bookingView, ordinal } from '../../../shared/pages/manage/booking-view';
import { statusView } from '../../../shared/pages/manage/status-view';
import { booking, conference } from './manage-fixture';

const valueOf = (view: ReturnType<typeof bookingView>, key: string) =>
  view.rows.find((row) => row.key.text === key)?.value.text;

describe('the manage page', () => {
  it('says the times are the event’s own where they are not UK time', () => {
    const view = bookingView(booking({ conference: { ...conference, timezone: 'America/New_York' } }), 'tok');

    expect(valueOf(view, 'Date')).toBe(
      'Thursday 1 April 2027, 04:00 to 11:30. Times are local to the event (America/New_York).',
    );
  });

  it('shows a booked delegate their status, date, venue, check-in code and day, with every action', () => {
    const view = bookingView(booking(), 'tok');

    expect(valueOf(view, 'Status')).toBe('Booked');
    expect(valueOf(view, 'Date')).toBe('Thursday 1 April 2027, 09:00 to 16:30');
    expect(valueOf(view, 'Venue')).toBe('Leeds Civic Hall, Millennium Square, Leeds');
    expect(valueOf(view, 'Check-in code')).toBe('HWQZV0KT');
    expect(view.checkInQr).toMatchObject({ code: 'HWQZV0KT', size: 29, path: expect.stringMatching(/^M/) });
    expect(view.day).toEqual([
      {
        title: 'Opening keynote',
        when: 'Thursday 1 April 2027, 09:30 to 10:30',
        place: 'Open to everyone at the event',
      },
      { title: 'Workshop A', when: 'Thursday 1 April 2027, 11:00 to 12:00', place: 'Booked' },
    ]);
    expect(view.calendarUrl).toBe('/registrations/reg_1/calendar.ics?token=tok');
    expect(view.changeUrl).toBe('/registrations/reg_1?token=tok&step=change');
    expect(view.cancelUrl).toBe('/registrations/reg_1?token=tok&step=cancel');
    expect(view.serviceName).toBe('Trust leaders day');
    expect(view.banner).toBeUndefined();
  });

  it("gives each waiting list's place in line", () => {
    const waitingForEvent = bookingView(
      booking(
        {
          eventWaitingPosition: 3,
          checkInCode: undefined,
          day: [{ session: conference.sessions[1]!, status: 'waitlisted', chosen: true }],
        },
        { status: 'waitlisted' },
      ),
      'tok',
    );
    const waitingForWorkshop = bookingView(
      booking({
        day: [{ session: conference.sessions[2]!, status: 'waitlisted', chosen: true, waitingPosition: 2 }],
      }),
      'tok',
    );

    expect(valueOf(waitingForEvent, 'Status')).toBe('On the waiting list (3rd in line)');
    expect(waitingForEvent.day[0]?.place).toBe('Waiting for a place at the event');
    expect(waitingForEvent.calendarUrl).toBeUndefined();
    expect(waitingForWorkshop.day[0]?.place).toBe('On the waiting list (2nd in line)');
  });

  it('says a cancellation is done once it is, and that it is on its way before', () => {
    const asked = bookingView(booking(), 'tok', { what: 'cancelled', since: 2 });
    const done = bookingView(booking({}, { status: 'cancelled', version: 3 }), 'tok', {
      what: 'cancelled',
      since: 2,
    });

    expect(asked.banner).toMatchObject({ type: 'important', heading: 'We are cancelling your booking' });
    expect(done.banner).toMatchObject({ type: 'success', heading: 'Your booking has been cancelled' });
    for (const view of [asked, done]) {
      expect(valueOf(view, 'Status')).toBe('Cancelled');
      expect(valueOf(view, 'Check-in code')).toBeUndefined();
      expect(view.checkInQr).toBeUndefined();
      expect(view.day).toEqual([]);
      expect([view.cancelUrl, view.changeUrl, view.calendarUrl]).toEqual([undefined, undefined, undefined]);
    }
    expect(asked.refreshUrl).toBe('/registrations/reg_1?token=tok&done=cancelled&since=2');
  });

  it('offers a cancelled delegate the way back to register again, while the event takes registrations', () => {
    const cancelled = bookingView(booking({}, { status: 'cancelled', version: 3 }), 'tok');
    const finished = bookingView(booking({ changesOpen: false }, { status: 'cancelled', version: 3 }), 'tok');

    expect(cancelled.registerAgainUrl).toBe('/events/trust-day#register-heading');
    expect(finished.registerAgainUrl).toBeUndefined();
    expect(bookingView(booking(), 'tok').registerAgainUrl).toBeUndefined();
  });

  it('says workshops were updated only once the registration moved past the version before', () => {
    expect(bookingView(booking(), 'tok', { what: 'sessions', since: 2 }).banner?.heading).toBe(
      'We are updating your workshop choices',
    );
    expect(
      bookingView(booking({}, { version: 4 }), 'tok', { what: 'sessions', since: 2 }).banner?.heading,
    ).toBe('Your workshop choices have been updated');
  });

  it('offers no change once the event is over or cancelled, and says why; an erased booking shows no personal data', () => {
    const over = bookingView(booking({ changesOpen: false }), 'tok');
    const cancelledEvent = bookingView(
      booking({ conference: { ...conference, status: 'cancelled' }, changesOpen: false }),
      'tok',
    );
    const erased = bookingView(
      booking(
        { checkInCode: undefined, day: [] },
        { status: 'cancelled', delegate: undefined, erasedAt: '2027-01-03' },
      ),
      'tok',
    );

    expect(over.notice).toBe('This event has finished, so the booking can no longer be changed.');
    expect([over.changeUrl, over.cancelUrl, over.calendarUrl]).toEqual([undefined, undefined, undefined]);
    expect(cancelledEvent.notice).toBe('This event has been cancelled. You do not need to do anything.');
    expect(erased.notice).toBe('This booking was cancelled and your details have been deleted.');
    expect(valueOf(erased, 'Name')).toBeUndefined();
    expect(valueOf(erased, 'Email address')).toBeUndefined();
  });

  it('says places in line as people do', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
    ]);
  });
});

describe('the page after registering', () => {
  const outcome = (status: string, day: { title: string; chosen: boolean; status: string }[] = []) =>
    ({
      status: { registrationId: 'reg_1', eventId: 'trust-day', status, sessions: [], day },
      event: { eventId: 'trust-day', title: 'Trust leaders day', timezone: 'Europe/London' },
    }) as unknown as Parameters<typeof statusView>[0];

  it('while undecided, names the status address for the page script and promises the mail', () => {
    const view = statusView(outcome('pending'));
    expect(view).toMatchObject({ title: 'We are booking your place', watch: '/registrations/reg_1' });
    expect(view.paragraphs).toContain('We will email your booking and a link to manage it.');
  });

  it('gives the outcome: booked, booked with a workshop waiting, or waiting', () => {
    expect(statusView(outcome('confirmed'))).toMatchObject({ title: 'You have a place', panel: true });
    expect(
      statusView(outcome('confirmed', [{ title: 'Workshop B', chosen: true, status: 'waitlisted' }])),
    ).toMatchObject({
      title: 'You have a place, and are on a waiting list',
      panel: false,
      waitingFor: ['Workshop B'],
    });
    expect(statusView(outcome('waitlisted')).title).toBe('You are on the waiting list');
    expect(statusView(outcome('confirmed')).paragraphs[0]).toContain(
      'We have emailed your booking and a link to manage it.',
    );
  });
});
