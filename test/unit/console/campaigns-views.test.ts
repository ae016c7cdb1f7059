import { describe, expect, it } from '@jest/globals';
import type { CampaignProgress } from '../../../shared/domain/campaigns/campaign';
import type { Conference, Session } from '../../../shared/domain/conference';
import { audienceRows, statusPhrase } from '../../../shared/console/campaigns/audience-words';
import { blankCampaignForm } from '../../../shared/console/campaigns/campaign-form';
import { composeView } from '../../../shared/console/campaigns/compose-view';
import { eventMoment, progressView } from '../../../shared/console/campaigns/progress-view';
import { reachWords } from '../../../shared/console/campaigns/reach-words';
import { noErrors } from '../../../shared/pages/form-errors';

const session = (id: string, title: string, kind: Session['kind'], capacity?: number): Session => ({
  id,
  title,
  kind,
  // 10:00 and 11:00 UTC on a summer day: 11:00 to 12:00 in London.
  startsAt: '2027-06-10T10:00:00.000Z',
  endsAt: '2027-06-10T11:00:00.000Z',
  ...(capacity === undefined ? {} : { capacity }),
});

const sessions = [
  session('keynote', 'Opening keynote', 'keynote'),
  session('ws-a', 'Workshop A', 'workshop', 20),
  session('lunch', 'Networking lunch', 'networking'),
  session('clinic', 'Data clinic', 'networking', 10),
];

const conference = (overrides: Partial<Conference> = {}): Conference => ({
  eventId: 'evt_1',
  title: 'Trust leaders day',
  status: 'published',
  timezone: 'Europe/London',
  startsAt: '2027-06-10T08:00:00.000Z',
  endsAt: '2027-06-10T15:30:00.000Z',
  venue: { name: 'Leeds Civic Hall' },
  capacity: 100,
  sessions,
  reminders: [],
  version: 1,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  ...overrides,
});

const progress = (overrides: Partial<CampaignProgress> = {}): CampaignProgress => ({
  campaignId: 'cmp_1',
  eventId: 'evt_1',
  status: 'sending',
  subject: 'Room change',
  audience: { status: ['confirmed'] },
  purpose: 'event',
  createdAt: '2027-06-01T08:00:00.000Z',
  recipients: 1200,
  sent: 1000,
  suppressed: 3,
  failed: 1,
  cancelled: 0,
  pending: 196,
  sendAt: null,
  startedAt: '2027-06-01T08:00:01.000Z',
  cancelledAt: null,
  ...overrides,
});

describe('who a campaign reaches, in words', () => {
  it('counts people and says why each left out is left out', () => {
    expect(reachWords(2, { unsubscribed: 0, suppressed: 0, noConsent: 0 })).toEqual({
      recipients: 2,
      headline: '2 people will get it',
      leftOut: [],
      sentence: '2 people will get it.',
    });
    const some = reachWords(1, { unsubscribed: 2, suppressed: 1, noConsent: 1200 });
    expect(some.headline).toBe('1 person will get it');
    expect(some.leftOut).toEqual([
      '2 unsubscribed',
      '1 cannot get email: their address bounced or they reported spam',
      '1,200 did not agree to get news by email',
    ]);
    expect(some.sentence).toBe(`1 person will get it. Left out: ${some.leftOut.join('; ')}.`);
    expect(reachWords(0, { unsubscribed: 0, suppressed: 0, noConsent: 0 }).headline).toBe(
      'Nobody will get it',
    );
  });

  it('names the audience: its statuses, its workshop, the survey when narrowed, and what it is about', () => {
    expect(statusPhrase(['attended', 'confirmed', 'waitlisted'])).toBe(
      'Booked, on the waiting list or checked in on the day',
    );
    expect(
      audienceRows({ status: ['confirmed'], sessionId: 'ws-a', surveyResponded: false }, 'news', sessions),
    ).toEqual([
      { key: { text: 'Delegates' }, value: { text: 'Booked' } },
      { key: { text: 'Workshop' }, value: { text: 'Workshop A' } },
      { key: { text: 'Survey' }, value: { text: 'Have not answered the survey' } },
      { key: { text: 'About' }, value: { text: 'News or other events' } },
    ]);
    expect(audienceRows({ status: ['cancelled'] }, 'event', sessions).map((r) => r.value.text)).toEqual([
      'Cancelled their booking',
      'Any workshop, or none',
      'This event',
    ]);
  });
});

describe('the compose form’s choices', () => {
  it('offers the sessions delegates choose, with their times in the event’s zone, and keeps what was chosen', () => {
    const view = composeView(conference(), { ...blankCampaignForm('k'), sessionId: 'clinic' }, noErrors);

    expect(view.workshops).toEqual([
      { value: '', text: 'Any workshop, or none', checked: false },
      { value: 'ws-a', text: 'Workshop A, 11:00 to 12:00', checked: false },
      { value: 'clinic', text: 'Data clinic, 11:00 to 12:00', checked: true },
    ]);
    expect(view.statuses.filter((s) => s.checked).map((s) => s.value)).toEqual(['confirmed']);
    expect(view.purposes.find((p) => p.checked)?.value).toBe('event');
    expect(view.placeholders).toBe('{{name}}, {{event.title}}, {{manageUrl}}');
  });

  it('asks about the survey only when the event has one', () => {
    expect(composeView(conference(), blankCampaignForm('k'), noErrors).survey).toBeUndefined();
    const withSurvey = conference({ survey: { daysAfter: 1, at: '09:00', questions: [] } });
    expect(composeView(withSurvey, { ...blankCampaignForm('k'), survey: 'yes' }, noErrors).survey).toEqual([
      { value: '', text: 'Whether or not they answered it', checked: false },
      { value: 'yes', text: 'Answered the survey', checked: true },
      { value: 'no', text: 'Have not answered the survey', checked: false },
    ]);
  });
});

describe('a campaign’s progress', () => {
  it('while sending: each count by name, cancellable, nothing announced yet', () => {
    const view = progressView(progress(), 'Europe/London');

    expect(view).toMatchObject({
      tag: { text: 'Sending' },
      sending: true,
      cancellable: true,
      finished: undefined,
    });
    expect(view.byKey).toEqual({
      recipients: '1,200',
      sent: '1,000',
      suppressed: '3',
      failed: '1',
      pending: '196',
    });
    expect(view.when).toBe('Started Tuesday 1 June 2027 at 09:00');
  });

  it('once sent: says so once, and can no longer be cancelled', () => {
    const view = progressView(progress({ status: 'sent', sent: 1196, pending: 0 }), 'Europe/London');

    expect(view).toMatchObject({
      tag: { text: 'Sent', classes: 'govuk-tag--green' },
      sending: false,
      cancellable: false,
      finished: 'Sending has finished: 1,196 sent, 1 failed.',
    });
  });

  it('scheduled: when it goes, in the event’s zone, and what cancelling does', () => {
    const view = progressView(
      progress({ status: 'scheduled', sendAt: '2027-06-09T08:00:00.000Z', startedAt: null, sent: 0 }),
      'Europe/London',
    );

    expect(view.when).toBe('Scheduled for Wednesday 9 June 2027 at 09:00');
    expect(view).toMatchObject({
      cancellable: true,
      cancelEffect: 'If you cancel it, nothing will be sent.',
    });
  });

  it('cancelled: counts those not sent because of it', () => {
    const view = progressView(
      progress({ status: 'cancelled', cancelled: 196, pending: 0, cancelledAt: '2027-06-01T08:05:00.000Z' }),
      'Europe/London',
    );

    expect(view.byKey.cancelled).toBe('196');
    expect(view.when).toBe('Cancelled Tuesday 1 June 2027 at 09:05');
    expect(view.finished).toBe('The campaign is cancelled: nothing more will be sent.');
  });
});

describe('a moment of the event', () => {
  it('names the zone only where its clocks are not the UK’s', () => {
    const at = new Date('2027-03-04T14:00:00.000Z');

    expect(eventMoment(at, 'Europe/London')).toBe('Thursday 4 March 2027 at 14:00');
    expect(eventMoment(at, 'America/New_York')).toBe(
      'Thursday 4 March 2027 at 09:00 (America/New_York time)',
    );
  });
});
