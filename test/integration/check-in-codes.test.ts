import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { manageLinkIn, publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

interface CheckInAnswer {
  registrationId: string;
  status: string;
  alreadyCheckedIn: boolean;
  checkedInAt: string;
  error?: { code: string; message: string; details: unknown[] };
}

const checkIn = (eventId: string, body: Record<string, unknown>) =>
  api.call<CheckInAnswer>('POST', `/events/${eventId}/check-ins`, { body, as: 'organisers' });

/** Registers a delegate, waits for the decision and returns the id and the text of their first mail. */
const registered = async (eventId: string, label: string) => {
  const email = uniqueEmail(label);
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: label, email },
  });
  await stack.settle();
  const text = (await stack.ses.mail(email))[0]?.body.text ?? '';
  return { registrationId: accepted.body.registrationId, text };
};

const codeIn = (text: string): string | undefined => /Check-in code: ([0-9A-Z]{8})/.exec(text)?.[1];

describe('check-in codes', () => {
  it('the confirmation mail shows a short code that checks the delegate in; a second check-in says so', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const { registrationId, text } = await registered(eventId, 'ada');
    const code = codeIn(text);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(manageLinkIn(text).token).not.toContain(code);

    const first = await checkIn(eventId, { code });
    expect(first).toMatchObject({
      status: 200,
      body: { registrationId, status: 'attended', alreadyCheckedIn: false, checkedInAt: expect.any(String) },
    });

    // Typed at the door: lower case, with a hyphen.
    const typed = `${code!.slice(0, 4)}-${code!.slice(4)}`.toLowerCase();
    const second = await checkIn(eventId, { code: typed });
    expect(second).toMatchObject({
      status: 200,
      body: { registrationId, alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt },
    });
    const byId = await checkIn(eventId, { registrationId });
    expect(byId.body).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.body.checkedInAt });
    const view = await api.call<{ attended?: boolean }>('GET', `/registrations/${registrationId}`);
    expect(view.body.attended).toBe(true);
  });

  it('checking in by registration id answers alreadyCheckedIn as well', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const { registrationId } = await registered(eventId, 'ben');
    expect((await checkIn(eventId, { registrationId })).body).toMatchObject({ alreadyCheckedIn: false });
    expect((await checkIn(eventId, { registrationId })).body).toMatchObject({ alreadyCheckedIn: true });
  });

  it('a wrong, malformed or other event’s code is a 404 in the error shape, and checks nobody in', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const otherEventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const here = await registered(eventId, 'cat');
    const elsewhere = await registered(otherEventId, 'dan');
    const code = codeIn(here.text)!;
    const wrong = `${code.slice(0, 7)}${code.endsWith('Z') ? 'Y' : 'Z'}`;

    for (const attempt of [wrong, 'not a code!', codeIn(elsewhere.text)!, '']) {
      const answer = await checkIn(eventId, { code: attempt });
      expect(answer.status).toBe(404);
      expect(answer.body.error).toMatchObject({ code: 'not_found', message: expect.any(String) });
    }
    const view = await api.call<{ attended?: boolean }>('GET', `/registrations/${here.registrationId}`);
    expect(view.body.attended).toBeUndefined();
  });

  it('asks for exactly one of registrationId and code (400), and the manage token is no code', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const { registrationId, text } = await registered(eventId, 'eve');
    expect((await checkIn(eventId, {})).status).toBe(400);
    const both = await checkIn(eventId, { registrationId, code: codeIn(text) });
    expect(both).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    // The manage token is far longer than any code: refused as input, never looked up.
    const token = await checkIn(eventId, { code: manageLinkIn(text).token });
    expect(token).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
  });

  it('a delegate on the waiting list gets no code, and cannot be checked in', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    await registered(eventId, 'fay');
    const waiting = await registered(eventId, 'gus');
    expect(waiting.text).toMatch(/waiting list/i);
    expect(codeIn(waiting.text)).toBeUndefined();
    const answer = await checkIn(eventId, { registrationId: waiting.registrationId });
    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'not_confirmed' } } });
  });
});
