import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CampaignSendDue } from '../../events';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let counter = 0;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

interface Progress {
  campaignId: string;
  eventId: string;
  status: string;
  recipients: number;
  sent: number;
  suppressed: number;
  failed: number;
  cancelled: number;
  pending: number;
}
interface Preview {
  recipients: number;
  sample: { subject: string; text: string; html: string };
  sending: { sendRatePerSecond: number; estimatedSeconds: number; withinQuota: boolean; dailyQuota: number };
}
interface Problem {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

const unique = (label: string) => `${label}-${(counter += 1)}-${Date.now()}`;
const emailFor = (label: string) => `${unique(label)}@school.example.org`;

const register = async (eventId: string, body: Record<string, unknown>): Promise<string> => {
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body,
  });
  expect(accepted.status).toBe(202);
  await stack.settle();
  return accepted.body.registrationId;
};

const campaign = (overrides: Record<string, unknown> = {}) => ({
  subject: `${unique('News')} for {{name}}`,
  text: 'Dear {{name}},\n\nNews about {{event.title}}. Manage your place: {{manageUrl}}',
  audience: { status: ['confirmed'] },
  ...overrides,
});

const preview = (eventId: string, body: Record<string, unknown>) =>
  api.call<Preview & Problem>('POST', `/events/${eventId}/campaigns/preview`, { body, as: 'organisers' });
const create = (eventId: string, body: Record<string, unknown>) =>
  api.call<{ campaignId: string; recipients: number; status: string } & Problem>(
    'POST',
    `/events/${eventId}/campaigns`,
    { body, as: 'organisers' },
  );
const progressOf = async (campaignId: string) =>
  (await api.call<Progress>('GET', `/campaigns/${campaignId}`, { as: 'organisers' })).body;
const cancel = (campaignId: string) =>
  api.call<Progress & Problem>('POST', `/campaigns/${campaignId}/cancel`, { as: 'organisers' });

/** Campaign mail in the local SES, by the subject's fixed start (each test's subjects are unique). */
const mailsStartingWith = async (prefix: string) =>
  (await stack.ses.mail()).filter((m) => m.subject.startsWith(prefix));
const prefixOf = (subjectTemplate: string) => subjectTemplate.replace(/\{\{.*$/, '');

/** Waits (in real time, without settling: SES may be refusing every send) until the campaign has started. */
const startOf = async (campaignId: string): Promise<void> => {
  for (let i = 0; i < 100; i += 1) {
    const p = await api.call<{ startedAt: string | null }>('GET', `/campaigns/${campaignId}`, {
      as: 'organisers',
    });
    if (p.body.startedAt) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Campaign ${campaignId} did not start`);
};

const addsUp = (p: Progress) => p.sent + p.suppressed + p.failed + p.cancelled === p.recipients;

describe('previewing a campaign', () => {
  it('counts the recipients and renders a sample for the first, escaped in HTML, writing nothing', async () => {
    // Arrange
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, { name: `Siân O'Neil & "Co"`, email: emailFor('sian') });
    await register(eventId, { name: 'Bob', email: emailFor('bob') });
    const body = campaign({
      subject: 'Hello {{name}}',
      html: '<p>Dear {{name}},</p><p><a href="{{manageUrl}}">Manage</a> {{event.title}}</p>',
    });

    // Act
    const answer = await preview(eventId, body);

    // Assert
    expect(answer.status).toBe(200);
    expect(answer.body.recipients).toBe(2);
    const { sample } = answer.body;
    expect(sample.subject).toBe(`Hello Siân O'Neil & "Co"`);
    expect(sample.text).toContain(`Dear Siân O'Neil & "Co",\n\nNews about Trust leaders day.`);
    expect(sample.text).toContain('/unsubscribe?token=');
    expect(sample.html).toContain('<p>Dear Siân O&#x27;Neil &amp; &quot;Co&quot;,</p>');
    expect(sample.html).toContain('Trust leaders day');
    expect(answer.body.sending).toMatchObject({
      sendRatePerSecond: 50,
      estimatedSeconds: 1,
      dailyQuota: 50_000,
      withinQuota: true,
    });
    expect(await mailsStartingWith('Hello Siân')).toHaveLength(0);
  });

  it('refuses an unknown placeholder with a 400 naming the field, at preview and at send', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, { name: 'Ann', email: emailFor('ann') });
    const body = campaign({ text: 'Dear {{nmae}}', html: '<p>{{{name}}}</p>' });

    for (const answer of [await preview(eventId, body), await create(eventId, body)]) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('invalid_request');
      expect(answer.body.error.details).toEqual([
        { path: 'text', message: expect.stringContaining('Unknown placeholder {{nmae}}') },
        { path: 'html', message: expect.stringContaining('{{name}} rather than {{{name}}}') },
      ]);
    }
    const broken = await create(eventId, campaign({ subject: 'Hi {{name' }));
    expect(broken).toMatchObject({ status: 400, body: { error: { details: [{ path: 'subject' }] } } });
  });

  it('answers bad requests with 4xx: unknown fields, sessions, events, sendAt in the past, callers', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    expect((await create(eventId, { ...campaign(), extra: 1 })).body.error.details).toEqual([
      { path: 'extra', message: 'Unknown field' },
    ]);
    expect(
      (await create(eventId, campaign({ audience: { status: ['confirmed'], sessionId: 'ws-z' } }))).body.error
        .details,
    ).toEqual([{ path: 'audience.sessionId', message: 'Not a session of this event' }]);
    const past = new Date(stack.clock.now().getTime() - 60_000).toISOString();
    expect(await create(eventId, campaign({ sendAt: past }))).toMatchObject({
      status: 400,
      body: { error: { details: [{ path: 'sendAt', message: 'Must be in the future' }] } },
    });
    expect((await create(eventId, campaign({ audience: { status: [] } }))).status).toBe(400);
    expect((await create('evt_unknown', campaign())).status).toBe(404);
    expect((await api.call('GET', '/campaigns/cmp_unknown', { as: 'organisers' })).status).toBe(404);
    expect((await api.call('POST', `/events/${eventId}/campaigns`, { body: campaign() })).status).toBe(401);
    expect(
      (await api.call('POST', `/events/${eventId}/campaigns`, { body: campaign(), as: 'comms' })).status,
    ).toBe(403);
  });

  it('refuses to send now to an audience of nobody (409 no_recipients)', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, { name: 'Ann', email: emailFor('ann') });
    const answer = await create(eventId, campaign({ audience: { status: ['attended'] } }));
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'no_recipients' } } });
  });
});

describe('audiences', () => {
  it('select by status, session, attendance and survey, each address once, erased never', async () => {
    // Arrange: three places; A (ws-a) B (ws-b) C confirmed, D (ws-a) and E wait; A checks in;
    // C cancels (D is promoted) and registers again with the same address (waits); F is erased.
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 3 }));
    const cEmail = emailFor('c');
    const a = await register(eventId, { name: 'A', email: emailFor('a'), sessions: ['ws-a'] });
    await register(eventId, { name: 'B', email: emailFor('b'), sessions: ['ws-b'] });
    const c1 = await register(eventId, { name: 'C', email: cEmail });
    await register(eventId, { name: 'D', email: emailFor('d'), sessions: ['ws-a'] });
    await register(eventId, { name: 'E', email: emailFor('e') });
    const f = await register(eventId, { name: 'F', email: emailFor('f') });
    expect(
      (
        await api.call('POST', `/events/${eventId}/check-ins`, {
          body: { registrationId: a },
          as: 'organisers',
        })
      ).status,
    ).toBe(200);
    const { token } = manageLinkIn((await stack.ses.mail(cEmail))[0]?.body.text ?? '');
    expect((await api.call('POST', `/registrations/${c1}/cancel`, { body: { token } })).status).toBe(202);
    await stack.settle();
    const c2 = await register(eventId, { name: 'C again', email: cEmail.toUpperCase() });
    expect(
      (await api.call('DELETE', `/events/${eventId}/registrations/${f}`, { as: 'organisers' })).status,
    ).toBe(204);
    await stack.settle();
    const count = async (audience: Record<string, unknown>) =>
      (await preview(eventId, campaign({ audience }))).body.recipients;

    // Act + Assert
    expect(await count({ status: ['confirmed'] })).toBe(3); // A, B, D
    expect(await count({ status: ['attended'] })).toBe(1); // A
    expect(await count({ status: ['waitlisted'] })).toBe(2); // E, C again
    expect(await count({ status: ['cancelled'] })).toBe(1); // C
    expect(await count({ status: ['confirmed', 'waitlisted'], sessionId: 'ws-a' })).toBe(2); // A, D
    expect(await count({ status: ['confirmed'], surveyResponded: true })).toBe(0);
    expect(await count({ status: ['confirmed'], surveyResponded: false })).toBe(3);
    expect(await count({ status: ['waitlisted', 'cancelled'] })).toBe(2); // E, C once

    const body = campaign({ audience: { status: ['waitlisted', 'cancelled'] } });
    const sent = await create(eventId, body);
    expect(sent).toMatchObject({ status: 202, body: { recipients: 2, status: 'sending' } });
    await stack.settle();
    const toC = (await stack.ses.mail(cEmail)).filter((m) => m.subject.startsWith(prefixOf(body.subject)));
    expect(toC).toHaveLength(1);
    expect(toC[0]?.subject).toBe(`${prefixOf(body.subject)}C again`);
    expect(manageLinkIn(toC[0]?.body.text ?? '').registrationId).toBe(c2);
    expect(await progressOf(sent.body.campaignId)).toMatchObject({ status: 'sent', recipients: 2, sent: 2 });
  });
});

describe('sending a campaign', () => {
  it('sends one mail per recipient with the unsubscribe headers and link, and counts that add up', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const emails = [emailFor('p1'), emailFor('p2'), emailFor('p3')];
    for (const email of emails) await register(eventId, { name: 'Pat', email });
    const body = campaign();

    const accepted = await create(eventId, body);
    expect(accepted).toMatchObject({
      status: 202,
      body: { campaignId: expect.stringMatching(/^cmp_/), recipients: 3, status: 'sending' },
    });
    await stack.settle();

    const mails = await mailsStartingWith(prefixOf(body.subject));
    expect(mails.map((m) => m.destination.to[0]).sort()).toEqual(emails.map((e) => `"Pat" <${e}>`).sort());
    const raw = mails[0]?.raw ?? '';
    const unfolded = raw.replace(/\r\n[ \t]+/g, ' ');
    expect(unfolded).toMatch(/^List-Unsubscribe: <https?:\/\/[^>\s]+\/unsubscribe\?token=[\w.-]+>\r?$/m);
    expect(unfolded).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mails[0]?.body.text).toMatch(/unsubscribe: https?:\/\/\S+\/unsubscribe\?token=/);
    expect(mails[0]?.body.html).toMatch(
      /<a href="https?:\/\/[^"]+\/unsubscribe\?token[^"]+">unsubscribe<\/a>/,
    );
    expect(manageLinkIn(mails[0]?.body.text ?? '').registrationId).toMatch(/^reg_/);
    const progress = await progressOf(accepted.body.campaignId);
    expect(progress).toMatchObject({
      campaignId: accepted.body.campaignId,
      eventId,
      status: 'sent',
      recipients: 3,
      sent: 3,
      suppressed: 0,
      failed: 0,
      cancelled: 0,
      pending: 0,
    });
  });

  it('fixes the recipients when it starts and counts an erased delegate as not sent', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const keep = emailFor('keep');
    await register(eventId, { name: 'Keep', email: keep });
    const gone = await register(eventId, { name: 'Gone', email: emailFor('gone') });
    // The sender held back for now (its queue's event source mapping off), so the erasure lands before
    // either mail is rendered. (Throttling SES instead left a race: a send that read Gone's address
    // before the erasure could still be trying SES when it opened again.)
    const sendQueue = new URL(stack.resources.sendQueueUrl).pathname.split('/').pop() ?? '';
    stack.queues.setConsumerEnabled(sendQueue, false);
    const body = campaign();
    const accepted = await create(eventId, body);
    await startOf(accepted.body.campaignId);
    await api.call('DELETE', `/events/${eventId}/registrations/${gone}`, { as: 'organisers' });
    const late = { name: 'Late', email: emailFor('late') };
    expect((await api.call('POST', `/events/${eventId}/registrations`, { body: late })).status).toBe(202);
    stack.queues.setConsumerEnabled(sendQueue, true);
    await stack.settle();

    const progress = await progressOf(accepted.body.campaignId);
    expect(progress).toMatchObject({ status: 'sent', recipients: 2, sent: 1, suppressed: 1, pending: 0 });
    expect(addsUp(progress)).toBe(true);
    expect((await mailsStartingWith(prefixOf(body.subject))).map((m) => m.destination.to[0])).toEqual([
      `"Keep" <${keep}>`,
    ]);
  });

  it('sends nothing twice when its start is delivered again', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    for (let i = 0; i < 3; i += 1) await register(eventId, { name: 'Dee', email: emailFor('dee') });
    const body = campaign();
    const accepted = await create(eventId, body);
    await stack.settle();
    await register(eventId, { name: 'Newcomer', email: emailFor('new') });

    // Act: the same Campaign Send Due again, as a duplicate delivery or a retry would bring it
    await stack.bus.putEvents([
      {
        EventBusName: stack.resources.eventBusName,
        Source: CampaignSendDue.source,
        DetailType: CampaignSendDue.detailType,
        Detail: JSON.stringify({ campaignId: accepted.body.campaignId, eventId }),
      },
    ]);
    await stack.settle();

    expect(await mailsStartingWith(prefixOf(body.subject))).toHaveLength(3);
    expect(await progressOf(accepted.body.campaignId)).toMatchObject({
      status: 'sent',
      recipients: 3,
      sent: 3,
      pending: 0,
    });
  });

  it('goes at sendAt: scheduled until the clock gets there, then sent', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, { name: 'Sam', email: emailFor('sam') });
    const sendAt = new Date(stack.clock.now().getTime() + 2 * 3_600_000);
    const body = campaign({ sendAt: sendAt.toISOString() });

    const accepted = await create(eventId, body);
    expect(accepted).toMatchObject({ status: 202, body: { recipients: 1, status: 'scheduled' } });
    await register(eventId, { name: 'Sue', email: emailFor('sue') });
    expect(stack.scheduler.list().map((s) => s.name)).toContain(`campaign-${accepted.body.campaignId}`);
    expect(await progressOf(accepted.body.campaignId)).toMatchObject({ status: 'scheduled', sent: 0 });

    await stack.advanceClock(new Date(sendAt.getTime() - 60_000));
    expect(await mailsStartingWith(prefixOf(body.subject))).toHaveLength(0);
    await stack.advanceClock(new Date(sendAt.getTime() + 60_000));

    expect(await mailsStartingWith(prefixOf(body.subject))).toHaveLength(2);
    expect(await progressOf(accepted.body.campaignId)).toMatchObject({
      status: 'sent',
      recipients: 2,
      sent: 2,
    });
    expect(stack.scheduler.list().map((s) => s.name)).not.toContain(`campaign-${accepted.body.campaignId}`);
  });
});

describe('cancelling a campaign', () => {
  it('before sendAt: the schedule goes, nothing is sent, and a second cancel changes nothing', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, { name: 'Sam', email: emailFor('sam') });
    const sendAt = new Date(stack.clock.now().getTime() + 3_600_000);
    const body = campaign({ sendAt: sendAt.toISOString() });
    const accepted = await create(eventId, body);

    const cancelled = await cancel(accepted.body.campaignId);

    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', recipients: 0 } });
    expect(stack.scheduler.list().map((s) => s.name)).not.toContain(`campaign-${accepted.body.campaignId}`);
    await stack.advanceClock(new Date(sendAt.getTime() + 60_000));
    expect(await mailsStartingWith(prefixOf(body.subject))).toHaveLength(0);
    expect(await cancel(accepted.body.campaignId)).toMatchObject({
      status: 200,
      body: { status: 'cancelled' },
    });
  });

  it('while sending: what is not sent is not sent, and counts as cancelled', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    for (let i = 0; i < 4; i += 1) await register(eventId, { name: 'Kim', email: emailFor('kim') });
    // SES throttles every send, so the campaign is still going when the cancel arrives.
    stack.ses.setFault(() => ({
      status: 429,
      headers: { 'x-amzn-ErrorType': 'TooManyRequestsException' },
      body: { message: 'Maximum sending rate exceeded.' },
    }));
    const body = campaign();
    const accepted = await create(eventId, body);
    await startOf(accepted.body.campaignId);

    const cancelled = await cancel(accepted.body.campaignId);
    // SES keeps refusing until all is settled: a send that rendered just before the cancel (and so may go,
    // as one already handed to SES has gone) is refused, and finds the campaign cancelled on its retry.
    await stack.settle();
    stack.ses.setFault(undefined);

    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', recipients: 4, sent: 0 } });
    expect(await mailsStartingWith(prefixOf(body.subject))).toHaveLength(0);
    const progress = await progressOf(accepted.body.campaignId);
    expect(progress).toMatchObject({ status: 'cancelled', recipients: 4, sent: 0, cancelled: 4, pending: 0 });
    expect(addsUp(progress)).toBe(true);
  });

  it('once sent: 409 campaign_sent', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    await register(eventId, { name: 'Lee', email: emailFor('lee') });
    const accepted = await create(eventId, campaign());
    await stack.settle();
    expect(await cancel(accepted.body.campaignId)).toMatchObject({
      status: 409,
      body: { error: { code: 'campaign_sent' } },
    });
  });
});
