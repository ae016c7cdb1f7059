import { describe, expect, it } from '@jest/globals';
import { changeNotice } from '../../../shared/console/events/change-notice';
import { doneBanner } from '../../../shared/console/events/done-banner';

describe('the banner after a post', () => {
  it('says what was done and what followed', () => {
    expect(doneBanner({ done: 'details', mailed: 'yes', promoted: '2', skipped: '1' })).toEqual({
      heading: 'Event details saved',
      lines: [
        'The delegates it concerns are being emailed what changed, with an updated calendar invite.',
        '2 people on the waiting list get a place and are being emailed.',
        '1 reminder will not be sent because its time has passed.',
      ],
    });
  });

  it('shows nothing for an outcome it does not know, and ignores counts that are not counts', () => {
    expect(doneBanner({ done: '<script>' })).toBeUndefined();
    expect(doneBanner({})).toBeUndefined();
    expect(doneBanner({ done: 'published', skipped: '-3', promoted: '1e9' })?.lines).toEqual([
      'Registration is open. Share the event page below.',
    ]);
  });
});

describe('what saving a part mails', () => {
  it('offers the notify choice where the API has one: times, venue and session times of a published event', () => {
    expect(changeNotice('details', 'published').offersNotify).toBe(true);
    expect(changeNotice('sessions', 'published').offersNotify).toBe(true);
    expect(changeNotice('reminders', 'published').offersNotify).toBe(false);
    expect(changeNotice('survey', 'published').offersNotify).toBe(false);
    expect(changeNotice('details', 'draft')).toEqual({
      lines: ['This event is a draft: nothing is emailed to anyone until it is published.'],
      offersNotify: false,
    });
  });
});
