import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import type { ledgerRepository } from '../../shared/adapters/dynamo/ledger-repository';
import type * as z from '../../shared/zod';
import type { mailProblem, registrationMails } from '../../shared/api/mail-record-schemas';
import type { retryFailedMail } from '../../shared/use-cases/delivery/retry-failed-mail';
import type { settleSentMail } from '../../shared/use-cases/delivery/settle-sent';
import type { messageTag } from '../../shared/use-cases/mail/send-mail';
import {
  campaignMessageKey,
  registrationMessageKey,
  type SendRequest,
} from '../../shared/domain/mail/send-request';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

type RegistrationMailsBody = z.infer<typeof registrationMails>;
type MailProblemBody = z.infer<typeof mailProblem>;

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let ledger: typeof ledgerRepository;
let retry: typeof retryFailedMail;
let settleSent: typeof settleSentMail;
let tagOf: typeof messageTag;
let eventId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  // The adapters read the stack's environment when first loaded, so only once it runs.
  ledger = (await import('../../shared/adapters/dynamo/ledger-repository')).ledgerRepository;
  retry = (await import('../../shared/use-cases/delivery/retry-failed-mail')).retryFailedMail;
  settleSent = (await import('../../shared/use-cases/delivery/settle-sent')).settleSentMail;
  tagOf = (await import('../../shared/use-cases/mail/send-mail')).messageTag;
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { title: 'Mail day' }));
}, 60_000);
afterAll(async () => stack?.stop());

const register = async (email: string, name = 'Delegate'): Promise<string> => {
  const r = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name, email, organisation: 'Oak Academy' },
  });
  expect(r.status).toBe(202);
  await stack.settle();
  return r.body.registrationId;
};

/** A campaign to the event's confirmed delegates, accepted. */
const sendCampaign = async (subject: string, text: string) => {
  const created = await api.call<{ campaignId: string }>('POST', `/events/${eventId}/campaigns`, {
    body: { subject, text, audience: { status: ['confirmed'] }, confirmDuplicate: true },
    as: 'organisers',
  });
  expect(created.status).toBe(202);
  return created;
};

const mailsOf = (registrationId: string, on = eventId) =>
  api.call<RegistrationMailsBody>('GET', `/events/${on}/registrations/${registrationId}/mails`, {
    as: 'organisers',
  });

const problems = async () =>
  (
    await api.call<{ problems: MailProblemBody[] }>('GET', `/events/${eventId}/mail-problems`, {
      as: 'organisers',
    })
  ).body.problems;

/** The ledger entry of a registration's confirmation (its version from the bus's archive). */
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

describe("a delegate's mail", () => {
  it('lists the confirmation as sent, with what it was, its subject and when', async () => {
    const id = await register(uniqueEmail('sent'));

    const answer = await mailsOf(id);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ eventId, registrationId: id });
    expect(answer.body.mails).toEqual([
      expect.objectContaining({
        kind: 'registration',
        label: 'Booking confirmed',
        subject: expect.stringContaining('Mail day') as unknown,
        state: 'sent',
        reason: null,
        retriable: false,
        queuedAt: expect.any(String) as unknown,
        settledAt: expect.any(String) as unknown,
      }),
    ]);
  });

  it("lists the delegate's own mail and its share of a campaign together, newest first", async () => {
    const email = uniqueEmail('both');
    const id = await register(email);
    const created = await sendCampaign('Lunch, {{name}}', 'Lunch is at one.');
    await stack.settle();

    const answer = await mailsOf(id);

    expect(answer.body.mails.map((m) => [m.kind, m.state])).toEqual([
      ['campaign', 'sent'],
      ['registration', 'sent'],
    ]);
    // The booking mail is kept in the delegate's partition and costs no index entry; the campaign's is
    // kept under its message and indexed by recipient (ledger-keys.ts).
    const { documentClient, tableName } = await import('../../shared/adapters/dynamo/client');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { ledgerKey } = await import('../../shared/adapters/dynamo/ledger-keys');
    const stored = async (request: SendRequest) =>
      (await documentClient.send(new GetCommand({ TableName: tableName, Key: ledgerKey(request) }))).Item;
    expect(await stored(confirmationOf(id))).toMatchObject({ pk: `REG#${id}#MAIL` });
    expect(await stored(confirmationOf(id))).not.toHaveProperty('gsi3pk');
    expect(
      await stored({ messageKey: campaignMessageKey(created.body.campaignId), recipientKey: id }),
    ).toMatchObject({ gsi3pk: `REG#${id}#MAIL` });
  });

  it('is for organisers only, and only for a registration of that event', async () => {
    const id = await register(uniqueEmail('guarded'));
    const other = await publishedEvent(stack, api, smallConference(stack.clock.now()));

    expect((await api.call('GET', `/events/${eventId}/registrations/${id}/mails`)).status).toBe(401);
    expect(
      (await api.call('GET', `/events/${eventId}/registrations/${id}/mails`, { as: 'comms' })).status,
    ).toBe(403);
    expect((await mailsOf(id, other)).status).toBe(404);
    expect((await api.call('GET', `/events/evt_nope/mail-problems`, { as: 'organisers' })).status).toBe(404);
  });

  it('shows a bounce reported by SES after sending, and lists it with the mail problems', async () => {
    const id = await register('bounce+records@simulator.amazonses.com', 'Bo Bounce');

    const mails = (await mailsOf(id)).body.mails;

    expect(mails).toEqual([
      expect.objectContaining({ state: 'bounced', reason: 'Permanent: General', retriable: false }),
    ]);
    expect(await problems()).toContainEqual(
      expect.objectContaining({
        registrationId: id,
        state: 'bounced',
        delegate: {
          name: 'Bo Bounce',
          email: 'bounce+records@simulator.amazonses.com',
          organisation: 'Oak Academy',
        },
        explanation: expect.stringContaining('does not exist or does not accept mail') as unknown,
      }),
    );
  });

  it('lists mail to a suppressed address as a problem, not sent', async () => {
    // The bounced address above is on the suppression list now: its next mail is not sent at all.
    const email = 'bounce+records@simulator.amazonses.com';
    const first = (await problems()).find((p) => p.delegate?.email === email);
    await api.call('POST', `/events/${eventId}/registrations/${first?.registrationId ?? ''}/cancel`, {
      as: 'organisers',
    });
    await stack.settle();

    const mails = (await mailsOf(first?.registrationId ?? '')).body.mails;

    expect(mails[0]).toMatchObject({ label: 'Booking cancelled', state: 'suppressed', retriable: false });
    expect(await problems()).toContainEqual(
      expect.objectContaining({ registrationId: first?.registrationId, state: 'suppressed' }),
    );
  });
});

describe('failed mail, sent again', () => {
  it('sends a failed mail once when retried, and nothing when retried after it went', async () => {
    // Arrange: SES refuses the message itself (not the account), so the confirmation fails.
    const email = uniqueEmail('refused');
    await api.call('POST', '/local/ses/faults', { body: { code: 'BadRequestException' } });
    const id = await register(email);
    await api.call('DELETE', '/local/ses/faults');
    const request = confirmationOf(id);
    expect(await ledger.find(request)).toMatchObject({ status: 'failed' });
    expect(await problems()).toContainEqual(
      expect.objectContaining({ registrationId: id, state: 'failed', retriable: true }),
    );
    expect(await stack.ses.mail(email)).toHaveLength(0);

    // Act: an organiser sends it again.
    const first = await retry(eventId, [request]);
    await stack.settle();

    // Assert: one mail went, the entry is sent and no longer a problem.
    expect(first).toEqual({ retried: 1 });
    expect(await stack.ses.mail(email)).toHaveLength(1);
    expect(await ledger.find(request)).toMatchObject({ status: 'sent' });
    expect((await mailsOf(id)).body.mails[0]).toMatchObject({ state: 'sent', retriable: false });
    expect((await problems()).some((p) => p.registrationId === id)).toBe(false);

    // Act: the retry again (a double click, an old page), for this mail and for all failed mail.
    const again = await retry(eventId, [request]);
    const all = await retry(eventId);
    await stack.settle();

    // Assert: nothing more was sent.
    expect(again).toEqual({ retried: 0 });
    expect(all).toEqual({ retried: 0 });
    expect(await stack.ses.mail(email)).toHaveLength(1);
  });

  it('a mail recorded as failed that SES says it sent becomes sent, so a retry sends nothing', async () => {
    const email = uniqueEmail('late');
    await api.call('POST', '/local/ses/faults', { body: { code: 'BadRequestException' } });
    const id = await register(email);
    await api.call('DELETE', '/local/ses/faults');
    const request = confirmationOf(id);

    // SES's Send event for it arrives (the sender gave up after SES had in fact taken it).
    const outcome = await settleSent({
      timestamp: stack.clock.now().toISOString(),
      messageId: 'ses-late-1',
      destination: [email],
      tags: { convene_message: [tagOf(request)] },
    });
    const retried = await retry(eventId, [request]);
    await stack.settle();

    expect(outcome).toBe('settled');
    expect(await ledger.find(request)).toMatchObject({ status: 'sent', sesMessageId: 'ses-late-1' });
    expect(retried).toEqual({ retried: 0 });
    expect(await stack.ses.mail(email)).toHaveLength(0);
  });

  it("keeps a campaign's counts equal to its ledger through a failure and a retry", async () => {
    const email = uniqueEmail('campaign');
    await register(email);
    await api.call('POST', '/local/ses/faults', { body: { code: 'BadRequestException' } });
    const created = await sendCampaign('Parking, {{name}}', 'Park at the back.');
    await stack.settle();
    await api.call('DELETE', '/local/ses/faults');
    const progress = async () =>
      (
        await api.call<Record<string, number | string>>('GET', `/campaigns/${created.body.campaignId}`, {
          as: 'organisers',
        })
      ).body;
    const before = await progress();
    const failed = (await problems()).filter((p) => p.kind === 'campaign' && p.state === 'failed');
    expect(failed.length).toBe(before.failed);
    expect(failed[0]?.subject).toBe('Parking, {{name}}');

    await retry(eventId);
    await stack.settle();

    const after = await progress();
    expect(after).toMatchObject({
      failed: 0,
      sent: Number(before.sent) + Number(before.failed),
      status: 'sent',
    });
    expect((await stack.ses.mail(email)).filter((m) => m.subject.startsWith('Parking'))).toHaveLength(1);
  });
});
