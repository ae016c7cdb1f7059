import { resourceNames } from '../../infra/constructs/names';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { wiring } from '../../infra/wiring';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

interface Progress {
  campaignId: string;
  status: string;
  recipients: number;
  sent: number;
  suppressed: number;
  failed: number;
  cancelled: number;
}

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let n = 0;

beforeAll(async () => {
  // Two receives before the DLQ and a short visibility timeout, so a send that keeps failing gets there
  // fast; still longer than a send takes on a loaded machine: a message whose timeout ran out while it was
  // being sent would come again as its last receive, find its own claim and go to the DLQ as well.
  stack = await startTestStack({
    wiring: {
      ...wiring,
      queues: { ...wiring.queues, send: { visibilityTimeoutSeconds: 180, maxReceiveCount: 2 } },
    },
    visibilityTimeoutMs: 5_000,
  });
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const email = (label: string) => `${label}-${(n += 1)}-${Date.now()}@school.example.org`;

const register = async (eventId: string, address: string) => {
  const r = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email: address },
  });
  expect(r.status).toBe(202);
  await stack.settle();
};

const sendCampaign = async (eventId: string, subject: string): Promise<Progress> => {
  const created = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
    body: {
      subject,
      text: 'Dear {{name}}, news about {{event.title}}.',
      audience: { status: ['confirmed'] },
    },
    as: 'organisers',
  });
  expect(created.status).toBe(202);
  await stack.settle();
  return (await api.call<Progress>('GET', `/campaigns/${created.body.campaignId}`, { as: 'organisers' }))
    .body;
};

const mailWith = async (address: string, subject: string) =>
  (await stack.ses.mail(address)).filter((m) => m.subject === subject);

// Sending a campaign through the queue, SES and settling: on a loaded two-core CI machine that can take minutes.
jest.setTimeout(180_000);

describe('campaign delivery', () => {
  it('after a one-click unsubscribe from a campaign mail, the next campaign skips the address', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const leaving = email('leaving');
    const staying = email('staying');
    await register(eventId, leaving);
    await register(eventId, staying);

    const first = await sendCampaign(eventId, 'First news');
    expect(first).toMatchObject({ recipients: 2, sent: 2, suppressed: 0 });
    const [mail] = await mailWith(leaving, 'First news');
    const link = /(\/unsubscribe\?token=[\w.-]+)/.exec(mail?.body.text ?? '')?.[1];
    expect(link).toBeDefined();
    const unsubscribed = await api.call('POST', link!, {
      rawBody: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(unsubscribed.status).toBe(200);

    const second = await sendCampaign(eventId, 'Second news');
    expect(second).toMatchObject({ status: 'sent', recipients: 2, sent: 1, suppressed: 1, failed: 0 });
    expect(await mailWith(leaving, 'Second news')).toHaveLength(0);
    expect(await mailWith(staying, 'Second news')).toHaveLength(1);
  });

  it('a send SES keeps refusing ends in the DLQ, counted as failed with its reason', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const refused = email('refused');
    const fine = email('fine');
    await register(eventId, refused);
    await register(eventId, fine);
    const dlqBefore = stack.queues.depth(resourceNames(stack.resources.stage).queueDlq('send')).visible;
    const rawOf = (body: string) =>
      Buffer.from(
        (JSON.parse(body) as { Content: { Raw: { Data: string } } }).Content.Raw.Data,
        'base64',
      ).toString();
    stack.ses.setFault((request) =>
      rawOf(request.body).includes(refused)
        ? {
            status: 429,
            headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
            body: { message: 'Maximum sending rate exceeded.' },
          }
        : undefined,
    );
    try {
      const progress = await sendCampaign(eventId, 'Refused news');
      expect(progress).toMatchObject({ status: 'sent', recipients: 2, sent: 1, suppressed: 0, failed: 1 });
      // Loaded now: the adapter reads the stack's configuration when it loads.
      const { ledgerRepository } = await import('../../shared/adapters/dynamo/ledger-repository');
      const registrations = await api.call<{ registrations: { registrationId: string; email: string }[] }>(
        'GET',
        `/events/${eventId}/registrations`,
        { as: 'organisers' },
      );
      const refusedId =
        registrations.body.registrations.find((r) => r.email === refused)?.registrationId ?? '';
      const entry = await ledgerRepository.find({
        messageKey: `campaign:${progress.campaignId}`,
        recipientKey: refusedId,
      });
      expect(entry).toMatchObject({
        status: 'failed',
        reason: expect.stringMatching(/Maximum sending rate exceeded/),
      });
    } finally {
      stack.ses.setFault(undefined);
    }
    expect(await mailWith(refused, 'Refused news')).toHaveLength(0);
    expect(await mailWith(fine, 'Refused news')).toHaveLength(1);
    expect(stack.queues.depth(resourceNames(stack.resources.stage).queueDlq('send')).visible).toBe(
      dlqBefore + 1,
    );
  });
});
