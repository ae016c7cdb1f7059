import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const saved = { quota: process.env.SEND_DAILY_QUOTA, rate: process.env.SEND_RATE_PER_SECOND };

const restore = (name: string, value: string | undefined) => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};

beforeAll(async () => {
  // A tiny account: five mails a day, two a second.
  process.env.SEND_DAILY_QUOTA = '5';
  process.env.SEND_RATE_PER_SECOND = '2';
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => {
  await stack?.stop();
  restore('SEND_DAILY_QUOTA', saved.quota);
  restore('SEND_RATE_PER_SECOND', saved.rate);
});

const campaign = (overrides: Record<string, unknown> = {}) => ({
  subject: `Quota ${Date.now()}`,
  text: 'Hello {{name}}',
  audience: { status: ['confirmed'] },
  ...overrides,
});

describe('the daily quota and send rate', () => {
  it('are shown at preview, and a campaign over the quota with others near it is refused with 409', async () => {
    // Arrange: three delegates
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    for (let i = 0; i < 3; i += 1) {
      await api.call('POST', `/events/${eventId}/registrations`, {
        body: { name: `Q${i}`, email: `q${i}-${Date.now()}@school.example.org` },
      });
    }
    await stack.settle();

    // Act + Assert: the first fits (3 of 5), and takes two seconds at two a second
    const first = await api.call('POST', `/events/${eventId}/campaigns/preview`, {
      body: campaign(),
      as: 'organisers',
    });
    expect(first.body).toMatchObject({
      recipients: 3,
      sending: {
        sendRatePerSecond: 2,
        estimatedSeconds: 2,
        dailyQuota: 5,
        quotaCommitted: 0,
        quotaAvailable: 5,
        withinQuota: true,
      },
    });
    const sent = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
      body: campaign(),
      as: 'organisers',
    });
    expect(sent.status).toBe(202);
    await stack.settle();

    // A second of three within 24 hours is over: preview says so, create refuses, nothing goes
    const later = new Date(stack.clock.now().getTime() + 12 * 3_600_000).toISOString();
    const second = await api.call('POST', `/events/${eventId}/campaigns/preview`, {
      body: campaign({ sendAt: later }),
      as: 'organisers',
    });
    expect(second.body).toMatchObject({
      recipients: 3,
      sending: { quotaCommitted: 3, quotaAvailable: 2, withinQuota: false },
    });
    const refused = await api.call<{ error: { code: string; message: string } }>(
      'POST',
      `/events/${eventId}/campaigns`,
      { body: campaign({ sendAt: later }), as: 'organisers' },
    );
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'daily_quota_exceeded' } } });
    expect(refused.body.error.message).toContain('daily sending quota of 5');
    expect(stack.scheduler.list().filter((s) => s.name.startsWith('campaign-'))).toHaveLength(0);

    // Two days on, the first no longer counts
    const twoDaysOn = new Date(stack.clock.now().getTime() + 48 * 3_600_000).toISOString();
    const fits = await api.call('POST', `/events/${eventId}/campaigns`, {
      body: campaign({ sendAt: twoDaysOn }),
      as: 'organisers',
    });
    expect(fits).toMatchObject({ status: 202, body: { status: 'scheduled', recipients: 3 } });
  });
});
