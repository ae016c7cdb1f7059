import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { LocalStack } from '../../../infra/local/stack';
import { recordFigures } from '../../support/figures';
import { apiClient, startTestStack } from '../../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../../support/conference-fixtures';

// Fifty creates at once, and clock moves that start campaigns, on a loaded two-core machine.
jest.setTimeout(180_000);

const QUOTA = 10;
const HOUR = 3_600_000;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const saved = {
  quota: process.env.SEND_DAILY_QUOTA,
  limit: process.env.REGISTRATION_LIMIT_PER_MINUTE,
};

const restore = (name: string, value: string | undefined) => {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
};

beforeAll(async () => {
  process.env.SEND_DAILY_QUOTA = String(QUOTA);
  process.env.REGISTRATION_LIMIT_PER_MINUTE = '0';
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => {
  await stack?.stop();
  restore('SEND_DAILY_QUOTA', saved.quota);
  restore('REGISTRATION_LIMIT_PER_MINUTE', saved.limit);
});

/** An event with `n` confirmed delegates. */
const eventWith = async (n: number): Promise<string> => {
  const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
  await register(eventId, n);
  return eventId;
};

const register = async (eventId: string, n: number): Promise<void> => {
  for (let i = 0; i < n; i += 1) {
    const r = await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: `Delegate ${i}`, email: uniqueEmail('quota-race') },
    });
    expect(r.status).toBe(202);
  }
  await stack.settle();
};

const mailsWithSubject = async (prefix: string): Promise<number> =>
  (await stack.ses.mail()).filter((m) => m.subject.startsWith(prefix)).length;

/** `n` creates at once, each its own subject (so none is refused as a duplicate); their statuses. */
const concurrentCreates = async (eventId: string, n: number, prefix: string, sendAt?: string) =>
  Promise.all(
    Array.from({ length: n }, (_, i) =>
      api
        .call('POST', `/events/${eventId}/campaigns`, {
          as: 'organisers',
          body: {
            subject: `${prefix} ${i}`,
            text: 'Hello {{name}}',
            audience: { status: ['confirmed'] },
            ...(sendAt ? { sendAt } : {}),
          },
        })
        .then((r) => r.status),
    ),
  );

describe(`the daily quota (${QUOTA}) under concurrent creates`, () => {
  it.each([20, 50])('%i creates at once for now send no more mails than the quota', async (n) => {
    // Arrange: three delegates, so three campaigns fit and a fourth would not
    const eventId = await eventWith(3);
    // A day apart from the other cases, so each has the quota to itself
    await stack.advanceClock(new Date(stack.clock.now().getTime() + 2 * 24 * HOUR));
    const prefix = `Race now ${n}`;

    // Act
    const statuses = await concurrentCreates(eventId, n, prefix);
    await stack.settle();

    // Assert: every answer is an acceptance or the quota's 409, and what went fits the quota
    const mails = await mailsWithSubject(prefix);
    recordFigures({
      limitsExceeded: Math.max(0, mails - QUOTA),
      serverErrors: statuses.filter((s) => s >= 500).length,
    });
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 202)).toHaveLength(3);
    expect(mails).toBe(9);
  });

  it('50 creates at once with sendAt send no more mails than the quota when they fall due', async () => {
    const eventId = await eventWith(3);
    const sendAt = new Date(stack.clock.now().getTime() + 3 * 24 * HOUR);
    const prefix = 'Race later';

    const statuses = await concurrentCreates(eventId, 50, prefix, sendAt.toISOString());
    await stack.advanceClock(new Date(sendAt.getTime() + HOUR));
    await stack.settle();

    const mails = await mailsWithSubject(prefix);
    recordFigures({
      limitsExceeded: Math.max(0, mails - QUOTA),
      serverErrors: statuses.filter((s) => s >= 500).length,
    });
    expect(statuses.every((s) => s === 202 || s === 409)).toBe(true);
    expect(statuses.filter((s) => s === 202)).toHaveLength(3);
    expect(mails).toBe(9);
  });
});

describe('a scheduled campaign whose audience grows', () => {
  it('is refused at its start, with the reason on its status, when it would pass the quota', async () => {
    // Arrange: scheduled for two delegates, then ten more register before it is due
    const eventId = await eventWith(2);
    const sendAt = new Date(stack.clock.now().getTime() + 6 * 24 * HOUR);
    const created = await api.call<{ campaignId: string; recipients: number }>(
      'POST',
      `/events/${eventId}/campaigns`,
      {
        as: 'organisers',
        body: {
          subject: 'Grown audience',
          text: 'Hello',
          audience: { status: ['confirmed'] },
          sendAt: sendAt.toISOString(),
        },
      },
    );
    expect(created).toMatchObject({ status: 202, body: { recipients: 2 } });
    await register(eventId, 10);

    // Act
    await stack.advanceClock(new Date(sendAt.getTime() + HOUR));
    await stack.settle();

    // Assert: nothing went, and the organiser is told why
    const mails = await mailsWithSubject('Grown audience');
    recordFigures({ limitsExceeded: Math.max(0, mails - QUOTA) });
    expect(mails).toBe(0);
    const progress = await api.call<{ status: string; reason: string; recipients: number }>(
      'GET',
      `/campaigns/${created.body.campaignId}`,
      { as: 'organisers' },
    );
    expect(progress.body).toMatchObject({ status: 'refused', recipients: 0 });
    expect(progress.body.reason).toMatch(/12 recipients.*daily sending quota of 10/);

    // Its room was given back: a campaign of ten fits that window now
    const preview = await api.call<{ sending: { quotaAvailable: number } }>(
      'POST',
      `/events/${eventId}/campaigns/preview`,
      {
        as: 'organisers',
        body: {
          subject: 'After',
          text: 'Hello',
          audience: { status: ['confirmed'] },
          sendAt: new Date(sendAt.getTime() + 2 * HOUR).toISOString(),
        },
      },
    );
    expect(preview.body.sending.quotaAvailable).toBe(QUOTA);
  });

  it('goes to the audience it has when due, and holds that many in the quota, when it still fits', async () => {
    const eventId = await eventWith(2);
    const sendAt = new Date(stack.clock.now().getTime() + 10 * 24 * HOUR);
    const created = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
      as: 'organisers',
      body: {
        subject: 'Grown a little',
        text: 'Hello',
        audience: { status: ['confirmed'] },
        sendAt: sendAt.toISOString(),
      },
    });
    expect(created.status).toBe(202);
    await register(eventId, 4);

    await stack.advanceClock(new Date(sendAt.getTime() + HOUR));
    await stack.settle();

    expect(await mailsWithSubject('Grown a little')).toBe(6);
    const preview = await api.call<{ sending: { quotaCommitted: number } }>(
      'POST',
      `/events/${eventId}/campaigns/preview`,
      { as: 'organisers', body: { subject: 'After', text: 'Hello', audience: { status: ['confirmed'] } } },
    );
    expect(preview.body.sending.quotaCommitted).toBe(6);
  });
});

describe('cancelling', () => {
  it('a scheduled campaign gives its room in the quota back', async () => {
    const eventId = await eventWith(3);
    const sendAt = new Date(stack.clock.now().getTime() + 14 * 24 * HOUR).toISOString();
    const body = (subject: string) => ({ subject, text: 'Hi', audience: { status: ['confirmed'] }, sendAt });
    const ids: string[] = [];
    for (const s of ['C1', 'C2', 'C3']) {
      const r = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
        as: 'organisers',
        body: body(s),
      });
      expect(r.status).toBe(202);
      ids.push(r.body.campaignId);
    }
    expect(
      (await api.call('POST', `/events/${eventId}/campaigns`, { as: 'organisers', body: body('C4') })).status,
    ).toBe(409);
    expect((await api.call('POST', `/campaigns/${ids[0]}/cancel`, { as: 'organisers' })).status).toBe(200);
    expect(
      (await api.call('POST', `/events/${eventId}/campaigns`, { as: 'organisers', body: body('C4') })).status,
    ).toBe(202);
  });
});
