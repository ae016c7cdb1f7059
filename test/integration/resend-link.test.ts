import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let counter = 0;

// Starting a stack loads every function; on a busy machine that can take over the default minute.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

const emailFor = (label: string) => `${label}-${(counter += 1)}-${Date.now()}@school.example.org`;

const register = async (eventId: string, email: string): Promise<string> => {
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email },
  });
  expect(accepted.status).toBe(202);
  await stack.settle();
  return accepted.body.registrationId;
};

const resend = async (eventId: string, email: string) => {
  const answer = await api.call('POST', `/events/${eventId}/registrations/resend`, { body: { email } });
  await stack.settle();
  return answer;
};

describe('a lost manage link', () => {
  it('sends the confirmation again, with a working manage link, to a confirmed delegate', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = emailFor('confirmed');
    const registrationId = await register(eventId, email);
    const [confirmation] = await stack.ses.mail(email);

    const answer = await resend(eventId, ` ${email.toUpperCase()} `);

    expect(answer.status).toBe(202);
    const mails = await stack.ses.mail(email);
    expect(mails).toHaveLength(2);
    expect(mails[1]?.subject).toBe(confirmation?.subject);
    const link = manageLinkIn(mails[1]?.body.text ?? '');
    expect(link.registrationId).toBe(registrationId);
    const cancelled = await api.call('POST', `/registrations/${registrationId}/cancel`, {
      body: { token: link.token },
    });
    expect(cancelled.status).toBe(202);
  });

  it('finds a delegate who registered with a +tag by the address they typed, or without the tag', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const tagged = emailFor('tagged').replace('@', '+conference@');
    const registrationId = await register(eventId, tagged);

    expect((await resend(eventId, tagged)).status).toBe(202);
    expect((await resend(eventId, tagged.replace('+conference', ''))).status).toBe(202);

    // Sent to the address as typed, each time with a link to this booking.
    const mails = await stack.ses.mail(tagged);
    expect(mails).toHaveLength(3);
    expect(manageLinkIn(mails[2]?.body.text ?? '').registrationId).toBe(registrationId);
  });

  it('sends the waiting-list mail to a delegate who is waiting', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    await register(eventId, emailFor('first'));
    const waiting = emailFor('waiting');
    await register(eventId, waiting);
    const [waitlisted] = await stack.ses.mail(waiting);

    expect((await resend(eventId, waiting)).status).toBe(202);

    const mails = await stack.ses.mail(waiting);
    expect(mails.map((m) => m.subject)).toEqual([waitlisted?.subject, waitlisted?.subject]);
  });

  it('answers the same for an address that is not registered, and sends nothing', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const registered = emailFor('registered');
    await register(eventId, registered);
    const stranger = emailFor('stranger');

    const forRegistered = await resend(eventId, registered);
    const forStranger = await resend(eventId, stranger);

    expect(forStranger).toMatchObject({ status: forRegistered.status, body: forRegistered.body });
    expect(await stack.ses.mail(stranger)).toHaveLength(0);
  });

  it('sends at most three an hour per address, still answering 202, and more in the next hour', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const email = emailFor('eager');
    await register(eventId, email);

    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await resend(eventId, email)).status);

    expect(answers).toEqual([202, 202, 202, 202, 202]);
    expect(await stack.ses.mail(email)).toHaveLength(1 + 3);
    await stack.advanceClock(new Date(stack.clock.now().getTime() + 3_600_000));
    await resend(eventId, email);
    expect(await stack.ses.mail(email)).toHaveLength(1 + 3 + 1);
  });

  it('answers 404 for an event that does not exist, and 400 for a body without a valid address', async () => {
    expect((await resend('evt_unknown', emailFor('x'))).status).toBe(404);
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const bad = await api.call('POST', `/events/${eventId}/registrations/resend`, {
      body: { email: 'nope' },
    });
    expect(bad.status).toBe(400);
  });
});
