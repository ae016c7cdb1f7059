import { describe, expect, it } from '@jest/globals';
import { campaignProgress, requestProblems, sendingPlan } from '../../../shared/domain/campaigns/campaign';
import { campaignFixture } from '../../support/campaign-fixtures';

const campaign = campaignFixture;

const started = { audienceId: 'a1', audienceChunks: 1, startedAt: '2027-03-01T09:00:01.000Z' };

describe('campaign progress', () => {
  it('is sending until every recipient is settled, then sent; counts add up', () => {
    expect(campaignProgress(campaign({ ...started, sent: 6, suppressed: 1 }))).toMatchObject({
      status: 'sending',
      recipients: 10,
      sent: 6,
      suppressed: 1,
      failed: 0,
      cancelled: 0,
      pending: 3,
    });
    const done = campaignProgress(campaign({ ...started, sent: 7, suppressed: 1, failed: 1, skipped: 1 }));
    expect(done).toMatchObject({ status: 'sent', suppressed: 2, pending: 0 });
    expect(done.sent + done.suppressed + done.failed + done.cancelled).toBe(done.recipients);
  });

  it('is not sent before it started, whatever its counters', () => {
    expect(campaignProgress(campaign({ recipients: 0 })).status).toBe('sending');
    expect(campaignProgress(campaign({ status: 'scheduled' }))).toMatchObject({
      status: 'scheduled',
      pending: 10,
    });
  });

  it('counts what a cancel stopped as cancelled', () => {
    const progress = campaignProgress(
      campaign({ ...started, status: 'cancelled', sent: 4, suppressed: 1, skipped: 5 }),
    );
    expect(progress).toMatchObject({ status: 'cancelled', sent: 4, suppressed: 1, cancelled: 5, pending: 0 });
  });

  it('has no recipients when cancelled before it started', () => {
    expect(campaignProgress(campaign({ status: 'cancelled' }))).toMatchObject({
      status: 'cancelled',
      recipients: 0,
      pending: 0,
    });
  });
});

describe('the sending plan', () => {
  it('gives the time at the send rate and checks the quota with other campaigns', () => {
    expect(sendingPlan(1000, { sendRatePerSecond: 14, dailyQuota: 50_000 }, 0)).toEqual({
      sendRatePerSecond: 14,
      estimatedSeconds: 72,
      dailyQuota: 50_000,
      quotaCommitted: 0,
      quotaAvailable: 50_000,
      withinQuota: true,
    });
    expect(sendingPlan(1000, { sendRatePerSecond: 14, dailyQuota: 50_000 }, 49_500)).toMatchObject({
      quotaAvailable: 500,
      withinQuota: false,
    });
  });
});

describe('request checks', () => {
  const now = new Date('2027-03-01T09:00:00Z');
  const sessions = new Set(['ws-a']);

  it('refuse a session not in the event and a sendAt not ahead', () => {
    expect(
      requestProblems(
        { audience: { status: ['confirmed'], sessionId: 'ws-z' }, sendAt: '2027-03-01T08:59:59Z' },
        sessions,
        now,
      ),
    ).toEqual([
      { path: 'audience.sessionId', message: 'Not a session of this event' },
      { path: 'sendAt', message: 'Must be in the future' },
    ]);
    expect(
      requestProblems({ audience: { status: ['confirmed'] }, sendAt: '2027-03-01T09:00:00Z' }, sessions, now),
    ).toHaveLength(1);
    expect(
      requestProblems({ audience: { status: ['confirmed'] }, sendAt: '2029-03-01T09:00:00Z' }, sessions, now),
    ).toEqual([{ path: 'sendAt', message: 'Must be within 366 days' }]);
    expect(
      requestProblems(
        { audience: { status: ['confirmed'], sessionId: 'ws-a' }, sendAt: '2027-03-01T09:00:01+01:00' },
        sessions,
        now,
      ),
    ).toHaveLength(1);
    expect(
      requestProblems(
        { audience: { status: ['confirmed'], sessionId: 'ws-a' }, sendAt: '2027-03-02T09:00:00+01:00' },
        sessions,
        now,
      ),
    ).toEqual([]);
  });
});
