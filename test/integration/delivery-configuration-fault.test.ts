import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { sesRefusal } from '../../infra/local/ses-local';
import type { LocalStack } from '../../infra/local/stack';
import { wiring } from '../../infra/wiring';
import type { ledgerRepository } from '../../shared/adapters/dynamo/ledger-repository';
import {
  campaignMessageKey,
  registrationMessageKey,
  type SendRequest,
} from '../../shared/domain/mail/send-request';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

/**
 * Three receives before the send DLQ, and backoffs that round to nothing (0.1 s base), so a send held by
 * a configuration fault reaches the DLQ within the test; on AWS it is ten receives over about 17 minutes.
 */
const MAX_RECEIVES = 3;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let ledger: typeof ledgerRepository;
let n = 0;
const savedBase = process.env.SEND_RETRY_BASE_SECONDS;

beforeAll(async () => {
  process.env.SEND_RETRY_BASE_SECONDS = '0.1';
  stack = await startTestStack({
    wiring: {
      ...wiring,
      queues: { ...wiring.queues, send: { visibilityTimeoutSeconds: 180, maxReceiveCount: MAX_RECEIVES } },
    },
    visibilityTimeoutMs: 500,
  });
  api = apiClient(stack.url);
  // Loaded now: the adapter reads the stack's configuration when it loads.
  ledger = (await import('../../shared/adapters/dynamo/ledger-repository')).ledgerRepository;
});
afterAll(async () => {
  await stack?.stop();
  if (savedBase === undefined) delete process.env.SEND_RETRY_BASE_SECONDS;
  else process.env.SEND_RETRY_BASE_SECONDS = savedBase;
});

const email = (label: string) => `${label}-${(n += 1)}-${Date.now()}@school.example.org`;

interface Progress {
  campaignId: string;
  status: string;
  recipients: number;
  sent: number;
  failed: number;
  pending: number;
}

interface EmfDocument {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] };
  service: string;
  SendConfigurationFault?: number | number[];
}

/**
 * What the functions write while `act` runs: Powertools' EMF documents on stdout (CloudWatch turns them
 * into metrics on AWS) and its JSON log lines (errors on stderr).
 */
const outputDuring = async (act: () => Promise<void>) => {
  const lines: Record<string, unknown>[] = [];
  const spies = [jest.spyOn(process.stdout, 'write'), jest.spyOn(process.stderr, 'write')];
  try {
    await act();
  } finally {
    for (const spy of spies) {
      for (const [chunk] of spy.mock.calls) {
        for (const line of String(chunk).split('\n')) {
          if (!line.startsWith('{')) continue;
          try {
            lines.push(JSON.parse(line) as Record<string, unknown>);
          } catch {
            // Not a JSON line: not Powertools'.
          }
        }
      }
      spy.mockRestore();
    }
  }
  const metrics = lines.filter((l): l is EmfDocument & Record<string, unknown> => '_aws' in l);
  const heldLogs = lines.filter((l) => l.level === 'ERROR' && /^Mail held/.test(String(l.message)));
  const faultCount = metrics.reduce(
    (sum, m) => sum + [m.SendConfigurationFault ?? []].flat().reduce((a, b) => a + b, 0),
    0,
  );
  return { metrics, heldLogs, faultCount };
};

const register = async (eventId: string, address: string): Promise<string> => {
  const r = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email: address },
  });
  expect(r.status).toBe(202);
  await stack.settle();
  return r.body.registrationId;
};

/** The send request of a registration's confirmation (its version from the bus's archive). */
const confirmationOf = (registrationId: string): SendRequest => {
  const confirmed = stack.bus.archive.find(
    (e) =>
      e['detail-type'] === 'Registration Confirmed' &&
      (e.detail as { registrationId: string }).registrationId === registrationId,
  );
  const version = (confirmed?.detail as { version: number } | undefined)?.version ?? -1;
  const spec = { kind: 'registration', template: 'confirmed', registrationId, version } as const;
  return { messageKey: registrationMessageKey(spec), recipientKey: registrationId };
};

/** The send DLQ as `GET /local/dead-letters` shows it, as the send requests it holds. */
const sendDeadLetters = async (): Promise<SendRequest[]> => {
  const letters = await api.call<{ send: { body: string }[] }>('GET', '/local/dead-letters');
  expect(letters.status).toBe(200);
  return letters.body.send.map((m) => JSON.parse(m.body) as SendRequest);
};

const redriveSends = async () => {
  const redriven = await api.call<{ queue: string; moved: number }>('POST', '/local/dead-letters/redrive', {
    body: { queue: 'send' },
  });
  expect(redriven.status).toBe(200);
  await stack.settle();
  return redriven.body;
};

const progressOf = async (campaignId: string) =>
  (await api.call<Progress>('GET', `/campaigns/${campaignId}`, { as: 'organisers' })).body;

const startCampaign = async (eventId: string, subject: string): Promise<string> => {
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
  return created.body.campaignId;
};

const mailWith = async (address: string, subject?: string) =>
  (await stack.ses.mail(address)).filter((m) => subject === undefined || m.subject === subject);

// Each case waits out the send queue's backoff and a redrive: on a loaded two-core CI machine that is minutes.
jest.setTimeout(180_000);

describe('a configuration fault is loud, loses nothing, and a redrive sends each mail once', () => {
  it('AccessDenied: confirmations are held on the send DLQ with the reason, a metric fires; fixed and redriven, each goes once', async () => {
    // Arrange: SES refuses as IAM does for a role without ses:SendRawEmail.
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const addresses = [email('denied'), email('denied')];
    const refused = await api.call('POST', '/local/ses/faults', { body: { code: 'AccessDeniedException' } });
    expect(refused).toMatchObject({ status: 200, body: { refusing: { code: 'AccessDeniedException' } } });

    // Act: two delegates register; their confirmations go round the queue until the DLQ.
    const ids: string[] = [];
    const out = await outputDuring(async () => {
      for (const address of addresses) ids.push(await register(eventId, address));
    });
    const requests = ids.map(confirmationOf);

    // Assert: nothing sent, nothing failed; the entries wait, queued, with the reason; the messages are on
    // the send DLQ; the metric counted every refused receive, and each batch logged the reason once.
    for (const address of addresses) expect(await mailWith(address)).toHaveLength(0);
    for (const request of requests) {
      expect(await ledger.find(request)).toMatchObject({
        status: 'queued',
        blockedReason: expect.stringMatching(
          /^AccessDeniedException: .*not authorized to perform: ses:SendRawEmail/,
        ) as unknown,
      });
    }
    expect(await sendDeadLetters()).toEqual(expect.arrayContaining(requests));
    // Every refused receive counts; on a loaded machine the last receive can fall just after the capture.
    expect(out.faultCount).toBeGreaterThanOrEqual(requests.length);
    expect(out.faultCount).toBeLessThanOrEqual(requests.length * MAX_RECEIVES);
    for (const m of out.metrics.filter((d) => d.SendConfigurationFault !== undefined)) {
      expect(m.service).toBe('convene');
      expect(m._aws.CloudWatchMetrics[0]).toMatchObject({
        Namespace: 'Convene',
        Dimensions: [['service']],
        Metrics: [expect.objectContaining({ Name: 'SendConfigurationFault' })],
      });
    }
    // One error log per batch with faults, as one metric document (give or take one at the capture's edge).
    expect(Math.abs(out.heldLogs.length - out.metrics.length)).toBeLessThanOrEqual(1);
    expect(out.heldLogs[0]).toMatchObject({
      faults: [
        expect.objectContaining({
          code: 'AccessDeniedException',
          hint: expect.stringContaining('ses:SendRawEmail'),
        }),
      ],
    });
    for (const id of ids)
      expect((await api.call<{ status: string }>('GET', `/registrations/${id}`)).body.status).toBe(
        'confirmed',
      );

    // Act: the grant is fixed; the DLQ is redriven.
    expect(await api.call('DELETE', '/local/ses/faults')).toMatchObject({
      status: 200,
      body: { refusing: null },
    });
    const redriven = await redriveSends();

    // Assert: each delegate has exactly one confirmation; the entries are sent and no longer blocked.
    expect(redriven.moved).toBeGreaterThanOrEqual(requests.length);
    for (const address of addresses) expect(await mailWith(address)).toHaveLength(1);
    for (const request of requests) {
      const entry = await ledger.find(request);
      expect(entry).toMatchObject({ status: 'sent', sesMessageId: expect.any(String) as unknown });
      expect(entry?.blockedReason).toBeUndefined();
    }
    expect(await sendDeadLetters()).toEqual([]);

    // Act: the same sends arrive again (a second redrive, a duplicate delivery).
    const sendQueue = new URL(stack.resources.sendQueueUrl).pathname.split('/').pop() ?? '';
    for (const request of requests) stack.queues.send(sendQueue, { body: JSON.stringify(request) });
    await stack.settle();

    // Assert: still one each.
    for (const address of addresses) expect(await mailWith(address)).toHaveLength(1);
  });

  it('an unverified identity: a campaign stays pending, none failed; redriven, every delegate gets it once and the counts add up', async () => {
    // Arrange: three delegates confirmed (their confirmations sent), then the identity fails verification.
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const addresses = [email('unverified'), email('unverified'), email('unverified')];
    const ids: string[] = [];
    for (const address of addresses) ids.push(await register(eventId, address));
    stack.ses.refuse({ code: 'MessageRejected' });
    const subject = `Programme news ${Date.now()}`;

    // Act
    let campaignId = '';
    const out = await outputDuring(async () => {
      campaignId = await startCampaign(eventId, subject);
    });
    const held = await progressOf(campaignId);

    // Assert: nothing sent or failed, all pending; each entry held with SES's words; all on the DLQ.
    expect(held).toMatchObject({ status: 'sending', recipients: 3, sent: 0, failed: 0, pending: 3 });
    for (const address of addresses) expect(await mailWith(address, subject)).toHaveLength(0);
    const requests = ids.map((id) => ({ messageKey: campaignMessageKey(campaignId), recipientKey: id }));
    for (const request of requests) {
      expect(await ledger.find(request)).toMatchObject({
        status: 'queued',
        blockedReason: expect.stringMatching(/^MessageRejected: Email address is not verified/) as unknown,
      });
    }
    expect(await sendDeadLetters()).toEqual(expect.arrayContaining(requests));
    // Every refused receive counts; on a loaded machine the last receive can fall just after the capture.
    expect(out.faultCount).toBeGreaterThanOrEqual(requests.length);
    expect(out.faultCount).toBeLessThanOrEqual(requests.length * MAX_RECEIVES);

    // Act: the identity is verified; the DLQ is redriven.
    stack.ses.refuse(undefined);
    await redriveSends();

    // Assert
    expect(await progressOf(campaignId)).toMatchObject({
      status: 'sent',
      recipients: 3,
      sent: 3,
      failed: 0,
      pending: 0,
    });
    for (const address of addresses) expect(await mailWith(address, subject)).toHaveLength(1);
    expect(await sendDeadLetters()).toEqual([]);
  });

  it("a refusal of one message's content still fails only that entry, at once, with no DLQ and no alarm", async () => {
    // Arrange
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const rejected = email('toolong');
    const fine = email('fine');
    const rejectedId = await register(eventId, rejected);
    await register(eventId, fine);
    const rawOf = (body: string) =>
      Buffer.from(
        (JSON.parse(body) as { Content: { Raw: { Data: string } } }).Content.Raw.Data,
        'base64',
      ).toString();
    stack.ses.setFault((request) =>
      rawOf(request.body).includes(rejected)
        ? sesRefusal('MessageRejected', 'Message length is more than 10485760 bytes long: 10485761.')
        : undefined,
    );
    const subject = `Too long news ${Date.now()}`;

    // Act
    let campaignId = '';
    const out = await outputDuring(async () => {
      try {
        campaignId = await startCampaign(eventId, subject);
      } finally {
        stack.ses.setFault(undefined);
      }
    });

    // Assert
    expect(await progressOf(campaignId)).toMatchObject({ status: 'sent', recipients: 2, sent: 1, failed: 1 });
    expect(
      await ledger.find({ messageKey: campaignMessageKey(campaignId), recipientKey: rejectedId }),
    ).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^MessageRejected: Message length/) as unknown,
    });
    expect(await mailWith(rejected, subject)).toHaveLength(0);
    expect(await mailWith(fine, subject)).toHaveLength(1);
    expect(await sendDeadLetters()).toEqual([]);
    expect(out.faultCount).toBe(0);
  });
});
