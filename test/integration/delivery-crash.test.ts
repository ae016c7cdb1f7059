import { resourceNames } from '../../infra/constructs/names';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { acceptThenDrop, dropUnsent, type SesFaultAction } from '../../infra/local/ses-local';
import type { LocalStack } from '../../infra/local/stack';
import type { ledgerRepository } from '../../shared/adapters/dynamo/ledger-repository';
import { registrationMessageKey, type SendRequest } from '../../shared/domain/mail/send-request';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

/**
 * The sender keeps a claim whose SES call had no answer, and a delivery within the claim lease waits for
 * SES's Send event instead of sending. The lease is 300 s on AWS; this stack's is a few seconds, so the
 * send's next delivery (backed off by the lease) comes within the test.
 */
const LEASE_SECONDS = 4;

type Ledger = typeof ledgerRepository;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let ledger: Ledger;
let eventId: string;
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack({ sendClaimLeaseSeconds: LEASE_SECONDS });
  api = apiClient(stack.url);
  ledger = (await import('../../shared/adapters/dynamo/ledger-repository')).ledgerRepository;
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
});
afterAll(async () => stack?.stop());

const uniqueEmail = (label: string) => `${label}-${(counter += 1)}-${Date.now()}@crash.example.org`;

/** Answers the next send only with `action`; every later send reaches SES as usual. */
const faultOnce = (action: SesFaultAction) => {
  let used = false;
  stack.ses.setFault(() => {
    if (used) return undefined;
    used = true;
    return action;
  });
};

const register = async (email: string): Promise<string> => {
  const response = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email },
  });
  expect(response.status).toBe(202);
  return response.body.registrationId;
};

const until = async (what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/** The send request of a registration's confirmation, once the allocation has asked for it. */
const confirmationOf = async (registrationId: string): Promise<SendRequest> => {
  let version: number | undefined;
  await until('the registration is confirmed', async () => {
    const confirmed = stack.bus.archive.find(
      (e) =>
        e['detail-type'] === 'Registration Confirmed' &&
        (e.detail as { registrationId: string }).registrationId === registrationId,
    );
    version = (confirmed?.detail as { version: number } | undefined)?.version;
    return version !== undefined;
  });
  const spec = {
    kind: 'registration',
    template: 'confirmed',
    registrationId,
    version: version ?? 0,
  } as const;
  return { messageKey: registrationMessageKey(spec), recipientKey: registrationId };
};

/** Every delivery of `request` to the sender so far: its receive count and whether it was given back. */
const deliveriesTo = (invoke: ReturnType<typeof spyOnSender>, request: SendRequest) =>
  invoke.mock.calls.flatMap(([name, event], i) => {
    if (name !== 'sendMail') return [];
    return (event as SQSEvent).Records.filter((r) => {
      const body = JSON.parse(r.body) as SendRequest;
      return body.messageKey === request.messageKey && body.recipientKey === request.recipientKey;
    }).map((r) => ({
      messageId: r.messageId,
      receiveCount: Number(r.attributes.ApproximateReceiveCount),
      result: invoke.mock.results[i],
    }));
  });

const spyOnSender = () => jest.spyOn(stack.runtime, 'invoke');

describe('a crash between SES accepting a send and the ledger update', () => {
  it("never sends a second copy: SES's Send event settles the entry, the redelivery sends nothing", async () => {
    // Arrange: SES takes the next send, but its answer never reaches the sender.
    const invoke = spyOnSender();
    const email = uniqueEmail('dropped-answer');
    faultOnce(acceptThenDrop);

    // Act: the registration's confirmation is sent; the queue brings the send back after the lease.
    const request = await confirmationOf(await register(email));
    await stack.settle();

    // Assert: one copy; settled by the Send event with SES's id; delivered twice, sent once.
    const mails = await stack.ses.mail(email);
    expect(mails).toHaveLength(1);
    expect(await ledger.find(request)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sesMessageId: mails[0]?.messageId,
    });
    expect(deliveriesTo(invoke, request).map((d) => d.receiveCount)).toEqual([1, 2]);
    invoke.mockRestore();
  });

  it('a delivery within the lease, before SES reports, waits and sends nothing; the Send event then settles it', async () => {
    // Arrange: SES takes the send and drops the answer, and its events come late.
    const invoke = spyOnSender();
    const email = uniqueEmail('late-event');
    const release = stack.ses.holdEvents();
    faultOnce(acceptThenDrop);
    const request = await confirmationOf(await register(email));
    await until('SES has taken the send', async () => (await stack.ses.mail(email)).length === 1);
    await until('the sender has had the send', async () => deliveriesTo(invoke, request).length === 1);
    await deliveriesTo(invoke, request)[0]?.result?.value;

    // Act: the same send arrives again (SQS delivers at least once) while the claim is fresh.
    const duplicate = stack.queues.send(resourceNames(stack.resources.stage).queue('send'), {
      body: JSON.stringify(request),
    });
    await until('the duplicate was delivered', async () =>
      deliveriesTo(invoke, request).some((d) => d.messageId === duplicate.messageId),
    );
    const waited = deliveriesTo(invoke, request).find((d) => d.messageId === duplicate.messageId);
    const answer = (await waited?.result?.value) as SQSBatchResponse;

    // Assert: it waited (given back to the queue) and sent nothing; the claim stands.
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: duplicate.messageId }]);
    expect(await stack.ses.mail(email)).toHaveLength(1);
    expect(await ledger.find(request)).toMatchObject({ status: 'sending', attempts: 1 });

    // Act: SES's Send event arrives; both messages come back after the lease.
    await release();
    await stack.settle();

    // Assert: still one copy, settled sent with SES's id.
    const mails = await stack.ses.mail(email);
    expect(mails).toHaveLength(1);
    expect(await ledger.find(request)).toMatchObject({
      status: 'sent',
      attempts: 1,
      sesMessageId: mails[0]?.messageId,
    });
    invoke.mockRestore();
  });

  it('never loses the recipient when two copies arrive together and the one that claimed it is refused for now', async () => {
    // Arrange: SES refuses every send to this address for now (throttling), so the confirmation's entry is
    // given back, queued, between its receives.
    const email = uniqueEmail('two-copies');
    stack.ses.setFault((sesRequest) =>
      Buffer.from(
        (JSON.parse(sesRequest.body) as { Content?: { Raw?: { Data?: string } } }).Content?.Raw?.Data ?? '',
        'base64',
      )
        .toString()
        .includes(email)
        ? {
            status: 429,
            headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
            body: { message: 'Maximum sending rate exceeded.' },
          }
        : undefined,
    );
    const request = await confirmationOf(await register(email));
    await until('the entry was tried and given back', async () => {
      const entry = await ledger.find(request);
      return entry?.status === 'queued' && (entry.attempts ?? 0) >= 1;
    });

    // Act: two copies of the send at the same moment (SQS delivers at least once): one claims, SES refuses it.
    const { sendMail } = await import('../../shared/use-cases/mail/send-mail');
    const outcomes = await Promise.allSettled([sendMail(request), sendMail(request)]);

    // Assert: neither copy is taken for a duplicate (its message would be deleted with the entry unsent):
    // both come back to the queue.
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : (o.reason as Error).name))).toEqual([
      'RetryLaterError',
      'RetryLaterError',
    ]);

    // Act: SES takes sends again.
    stack.ses.setFault(undefined);
    await stack.settle();

    // Assert: sent, once.
    expect(await stack.ses.mail(email)).toHaveLength(1);
    expect(await ledger.find(request)).toMatchObject({ status: 'sent' });
  });

  it('never loses the recipient: a send SES never saw is sent once the lease has passed', async () => {
    // Arrange: the connection drops before SES sees the send, so no Send event will come.
    const email = uniqueEmail('never-reached');
    faultOnce(dropUnsent);

    // Act
    const request = await confirmationOf(await register(email));
    await stack.settle();

    // Assert: sent once, on the second claim.
    const mails = await stack.ses.mail(email);
    expect(mails).toHaveLength(1);
    expect(await ledger.find(request)).toMatchObject({
      status: 'sent',
      attempts: 2,
      sesMessageId: mails[0]?.messageId,
    });
  });
});
