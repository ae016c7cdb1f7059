import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { SQSEvent } from 'aws-lambda';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const savedRate = process.env.SEND_RATE_PER_SECOND;

beforeAll(async () => {
  // A local send rate well above the throughput of the local sender, so pacing is not what is measured.
  process.env.SEND_RATE_PER_SECOND = '500';
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => {
  await stack?.stop();
  if (savedRate === undefined) delete process.env.SEND_RATE_PER_SECOND;
  else process.env.SEND_RATE_PER_SECOND = savedRate;
});

// Enough that throttling hits dozens of sends in flight at once; scale is the campaign benchmark's (10,000).
const RECIPIENTS = 300;

/**
 * Confirmed registrations written straight to the table: one write each, no seat counter (the campaign
 * reads registrations only), and none of the confirmation mails registering through the API sends.
 */
const seedConfirmed = async (eventId: string, emails: readonly string[]): Promise<void> => {
  // Loaded once the stack has set the environment the repository reads.
  const { registrationRepository } = await import('../../shared/adapters/dynamo/registration-repository');
  const { newId } = await import('../../shared/domain/ids');
  const at = stack.clock.now().toISOString();
  for (let i = 0; i < emails.length; i += 50) {
    const written = await Promise.all(
      emails.slice(i, i + 50).map((email, j) =>
        registrationRepository.createPending(
          {
            registrationId: newId('reg'),
            eventId,
            status: 'confirmed',
            delegate: { name: `Delegate ${i + j}`, email, consent: { updates: false } },
            sessions: {},
            sessionOrder: [],
            requestedAt: at,
            decidedAt: at,
            version: 2,
          },
          email,
        ),
      ),
    );
    expect(written.every((w) => w.ok)).toBe(true);
  }
};

describe('a large campaign under SES throttling', () => {
  it('reaches 300 recipients with every 10th SES call throttled: each exactly one mail', async () => {
    // Arrange
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: RECIPIENTS, title: 'Big day' }),
    );
    const emails = Array.from({ length: RECIPIENTS }, (_, i) => `big-${i}@school${i % 53}.example.org`);
    await seedConfirmed(eventId, emails);
    let calls = 0;
    let throttled = 0;
    stack.ses.setFault(() => {
      calls += 1;
      if (calls % 10 !== 0) return undefined;
      throttled += 1;
      return {
        status: 429,
        headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
        body: { message: 'Maximum sending rate exceeded.' },
      };
    });
    const subject = `Programme update ${Date.now()}`;

    // Act
    const accepted = await api.call<{ campaignId: string; recipients: number }>(
      'POST',
      `/events/${eventId}/campaigns`,
      {
        body: {
          subject,
          text: 'Dear {{name}}, the programme has changed.',
          audience: { status: ['confirmed'] },
        },
        as: 'organisers',
      },
    );
    await stack.settle();
    stack.ses.setFault(undefined);

    // Assert
    expect(accepted).toMatchObject({ status: 202, body: { recipients: RECIPIENTS } });
    expect(throttled).toBeGreaterThanOrEqual(RECIPIENTS / 10);
    const mails = (await stack.ses.mail()).filter((m) => m.subject === subject);
    const perAddress = new Map<string, number>();
    for (const m of mails) {
      const to = /<([^>]+)>/.exec(m.destination.to[0] ?? '')?.[1] ?? '';
      perAddress.set(to, (perAddress.get(to) ?? 0) + 1);
    }
    expect(mails).toHaveLength(RECIPIENTS);
    expect([...perAddress.keys()].sort()).toEqual([...emails].sort());
    expect([...perAddress.values()].every((n) => n === 1)).toBe(true);
    const progress = await api.call('GET', `/campaigns/${accepted.body.campaignId}`, { as: 'organisers' });
    expect(progress.body).toMatchObject({
      status: 'sent',
      recipients: RECIPIENTS,
      sent: RECIPIENTS,
      suppressed: 0,
      failed: 0,
      cancelled: 0,
      pending: 0,
    });
    expect(stack.bus.deadLetters).toHaveLength(0);
  }, 240_000);

  it('tries a throttled send again at once: no mail goes back to the queue to wait behind the campaign', async () => {
    // Arrange: the first call for every third mail is throttled, and its second goes through
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: 60, title: 'Throttled once' }),
    );
    const emails = Array.from({ length: 60 }, (_, i) => `once-${i}@school.example.org`);
    await seedConfirmed(eventId, emails);
    const seen = new Set<string>();
    let throttled = 0;
    stack.ses.setFault((request) => {
      const raw = (JSON.parse(request.body) as { Content: { Raw: { Data: string } } }).Content.Raw.Data;
      if (seen.has(raw)) return undefined;
      seen.add(raw);
      if (seen.size % 3 !== 0) return undefined;
      throttled += 1;
      return {
        status: 429,
        headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
        body: { message: 'Maximum sending rate exceeded.' },
      };
    });
    const invoke = jest.spyOn(stack.runtime, 'invoke');
    const subject = `Throttled once ${Date.now()}`;

    // Act
    await api.call('POST', `/events/${eventId}/campaigns`, {
      body: { subject, text: 'Dear {{name}}, news.', audience: { status: ['confirmed'] } },
      as: 'organisers',
    });
    await stack.settle();
    stack.ses.setFault(undefined);

    // Assert
    expect(throttled).toBe(20);
    expect((await stack.ses.mail()).filter((m) => m.subject === subject)).toHaveLength(60);
    const receiveCounts = invoke.mock.calls.flatMap(([name, event]) =>
      name === 'sendMail'
        ? (event as SQSEvent).Records.map((r) => Number(r.attributes.ApproximateReceiveCount))
        : [],
    );
    invoke.mockRestore();
    expect(receiveCounts).toHaveLength(60);
    expect(receiveCounts.every((n) => n === 1)).toBe(true);
  }, 120_000);
});
