import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
const savedRate = process.env.SEND_RATE_PER_SECOND;

beforeAll(async () => {
  // A slow account, so the mails of one batch wait for their turns in the rate.
  process.env.SEND_RATE_PER_SECOND = '2';
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => {
  await stack?.stop();
  if (savedRate === undefined) delete process.env.SEND_RATE_PER_SECOND;
  else process.env.SEND_RATE_PER_SECOND = savedRate;
});

describe('a batch waiting for its turns in the send rate', () => {
  it('holds a claim only for the mail going to SES, so a sender stopped mid-batch leaves none to wait out', async () => {
    // Arrange: four delegates and their ledger entries for one campaign
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const booked = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
        body: { name: `Rate ${i}`, email: `rate-${i}-${Date.now()}@school.example.org` },
      });
      ids.push(booked.body.registrationId);
    }
    await stack.settle();
    const { ledgerRepository } = await import('../../shared/adapters/dynamo/ledger-repository');
    const { campaignMessageKey } = await import('../../shared/domain/mail/send-request');

    // Act: send a campaign to them, looking at the entries every 50 ms until it is done
    const created = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
      body: { subject: `Rate ${Date.now()}`, text: 'Hello {{name}}', audience: { status: ['confirmed'] } },
      as: 'organisers',
    });
    const messageKey = campaignMessageKey(created.body.campaignId);
    let mostClaimed = 0;
    let sent = 0;
    for (let look = 0; look < 200 && sent < ids.length; look += 1) {
      const entries = await Promise.all(
        ids.map((recipientKey) => ledgerRepository.find({ messageKey, recipientKey })),
      );
      mostClaimed = Math.max(mostClaimed, entries.filter((e) => e?.status === 'sending').length);
      sent = entries.filter((e) => e?.status === 'sent').length;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stack.settle();

    // Assert: all four sent, at most one claimed at a time but for a moment's overlap (not all four at once)
    expect(sent).toBe(4);
    expect(mostClaimed).toBeLessThanOrEqual(2);
  }, 60_000);
});
