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

interface Delegate {
  email: string;
  registrationId: string;
  token: string;
}

const register = async (eventId: string, label: string, sessions: string[]): Promise<Delegate> => {
  const email = uniqueEmail(label);
  const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
    body: { name: label, email, sessions },
  });
  await stack.settle();
  const { token } = manageLinkIn((await stack.ses.mail(email))[0]?.body.text ?? '');
  return { email, registrationId: accepted.body.registrationId, token };
};

const sessionsOf = async (registrationId: string) =>
  (
    await api.call<{ sessions: { sessionId: string; status: string }[] }>(
      'GET',
      `/registrations/${registrationId}`,
    )
  ).body.sessions;

const placesLeft = async (eventId: string) =>
  Object.fromEntries(
    (
      await api.call<{ sessions: { id: string; placesLeft: number | null }[] }>('GET', `/events/${eventId}`)
    ).body.sessions.map((s) => [s.id, s.placesLeft]),
  );

const change = (d: Delegate, sessions: string[], token = d.token) =>
  api.call<{ error?: { code: string } }>('POST', `/registrations/${d.registrationId}/sessions`, {
    body: { token, sessions },
  });

const sequenceOf = (raw: string): number => Number(/SEQUENCE:(\d+)/.exec(raw)?.[1]);

describe('a delegate changes workshops with the manage link', () => {
  it('replaces the choices, gives back the dropped seat and sends one mail with the booking and a newer invite', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);

    const accepted = await change(ada, ['ws-b', 'ws-c']);
    expect(accepted).toMatchObject({
      status: 202,
      body: { registrationId: ada.registrationId, sessions: ['ws-b', 'ws-c'], status: 'accepted' },
    });
    await stack.settle();

    expect(await sessionsOf(ada.registrationId)).toEqual([
      { sessionId: 'ws-b', status: 'confirmed' },
      { sessionId: 'ws-c', status: 'confirmed' },
    ]);
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 20, 'ws-b': 19, 'ws-c': 19 });
    const mails = await stack.ses.mail(ada.email);
    expect(mails).toHaveLength(2);
    const updated = mails[1]!;
    expect(updated.subject).toMatch(/booked/i);
    expect(updated.body.text).toMatch(/- Workshop B: /);
    expect(updated.body.text).toMatch(/- Workshop C: /);
    expect(updated.body.text).not.toContain('Workshop A');
    expect(updated.raw).toMatch(/METHOD:REQUEST/);
    expect(sequenceOf(updated.raw ?? '')).toBeGreaterThan(sequenceOf(mails[0]!.raw ?? ''));
  });

  it('the same change posted twice (a double click) changes the booking once and sends one mail', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'twice', ['ws-a']);

    const [first, second] = await Promise.all([change(ada, ['ws-b']), change(ada, ['ws-b'])]);
    await stack.settle();

    expect([first.status, second.status]).toEqual([202, 202]);
    expect(await sessionsOf(ada.registrationId)).toEqual([{ sessionId: 'ws-b', status: 'confirmed' }]);
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 20, 'ws-b': 19 });
    expect(await stack.ses.mail(ada.email)).toHaveLength(2);
  });

  it('waits for a full workshop behind those already waiting, and a dropped seat goes to the first waiting', async () => {
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { workshopCapacity: 1 }),
    );
    // Cat registers first, but joins Workshop A's waiting list only when she changes, after Ben.
    const cat = await register(eventId, 'cat', ['ws-c']);
    const ada = await register(eventId, 'ada', ['ws-a']);
    const ben = await register(eventId, 'ben', ['ws-a']);
    await change(cat, ['ws-a']);
    await stack.settle();
    expect(await sessionsOf(cat.registrationId)).toEqual([{ sessionId: 'ws-a', status: 'waitlisted' }]);
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 0, 'ws-c': 1 });

    await change(ada, ['ws-c']);
    await stack.settle();

    expect(await sessionsOf(ada.registrationId)).toEqual([{ sessionId: 'ws-c', status: 'confirmed' }]);
    expect(await sessionsOf(ben.registrationId)).toEqual([{ sessionId: 'ws-a', status: 'confirmed' }]);
    expect(await sessionsOf(cat.registrationId)).toEqual([{ sessionId: 'ws-a', status: 'waitlisted' }]);
    expect((await stack.ses.mail(ben.email)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/booked/i),
      expect.stringMatching(/place has come up/i),
    ]);
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 0, 'ws-c': 0 });

    // Cat gives up waiting: she leaves the list and the seat counts stay right.
    await change(cat, []);
    await stack.settle();
    expect(await sessionsOf(cat.registrationId)).toEqual([]);
    await change(ben, []);
    await stack.settle();
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 1 });
  });

  it('a delegate waiting for an event place changes what they wait for, and promotion seats the new choice', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const ada = await register(eventId, 'ada', []);
    const ben = await register(eventId, 'ben', ['ws-a']);

    expect((await change(ben, ['ws-c'])).status).toBe(202);
    await stack.settle();
    const waiting = await api.call<{ status: string }>('GET', `/registrations/${ben.registrationId}`);
    expect(waiting.body.status).toBe('waitlisted');
    expect(await sessionsOf(ben.registrationId)).toEqual([{ sessionId: 'ws-c', status: 'waitlisted' }]);
    expect((await stack.ses.mail(ben.email)).map((m) => m.subject)).toEqual([
      expect.stringMatching(/waiting list/i),
      expect.stringMatching(/waiting list/i),
    ]);

    await api.call('POST', `/registrations/${ada.registrationId}/cancel`, { body: { token: ada.token } });
    await stack.settle();
    expect(await sessionsOf(ben.registrationId)).toEqual([{ sessionId: 'ws-c', status: 'confirmed' }]);
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 1, 'ws-c': 0 });
  });

  it('refuses clashes and unknown sessions (400) and a wrong token (403), and changes nothing', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);
    const ben = await register(eventId, 'ben', []);

    const clash = await change(ada, ['ws-a', 'ws-b']);
    expect(clash).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect((await change(ada, ['ws-z'])).status).toBe(400);
    expect(await change(ada, ['ws-c'], ben.token)).toMatchObject({
      status: 403,
      body: { error: { code: 'invalid_token' } },
    });
    expect((await change(ada, ['ws-c'], `${ada.token}x`)).status).toBe(403);
    await stack.settle();

    expect(await sessionsOf(ada.registrationId)).toEqual([{ sessionId: 'ws-a', status: 'confirmed' }]);
    expect(await stack.ses.mail(ada.email)).toHaveLength(1);
  });
});

describe('an organiser changes a delegate’s workshops', () => {
  const put = (eventId: string, registrationId: string, sessions: string[], as?: 'organisers' | 'comms') =>
    api.call('PUT', `/events/${eventId}/registrations/${registrationId}/sessions`, {
      body: { sessions },
      ...(as ? { as } : {}),
    });

  it('changes them as the delegate would, for organisers only and for their event only', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const otherEventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const ada = await register(eventId, 'ada', ['ws-a']);

    expect((await put(eventId, ada.registrationId, ['ws-b'])).status).toBe(401);
    expect((await put(eventId, ada.registrationId, ['ws-b'], 'comms')).status).toBe(403);
    expect((await put(otherEventId, ada.registrationId, ['ws-b'], 'organisers')).status).toBe(404);
    expect((await put(eventId, ada.registrationId, ['ws-a', 'ws-b'], 'organisers')).status).toBe(400);
    expect((await put(eventId, ada.registrationId, ['ws-b'], 'organisers')).status).toBe(202);
    await stack.settle();

    expect(await sessionsOf(ada.registrationId)).toEqual([{ sessionId: 'ws-b', status: 'confirmed' }]);
    expect((await stack.ses.mail(ada.email)).map((m) => m.subject)).toHaveLength(2);
  });

  it('never overbooks when many delegates move into one workshop at once', async () => {
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { workshopCapacity: 3 }),
    );
    const delegates: Delegate[] = [];
    for (const label of ['d1', 'd2', 'd3', 'd4', 'd5', 'd6'])
      delegates.push(await register(eventId, label, []));

    const answers = await Promise.all(
      delegates.map((d) => put(eventId, d.registrationId, ['ws-a'], 'organisers')),
    );
    expect(answers.map((a) => a.status)).toEqual([202, 202, 202, 202, 202, 202]);
    await stack.settle();

    const places = await Promise.all(
      delegates.map(async (d) => (await sessionsOf(d.registrationId))[0]?.status),
    );
    expect(places.filter((p) => p === 'confirmed')).toHaveLength(3);
    expect(places.filter((p) => p === 'waitlisted')).toHaveLength(3);
    expect(await placesLeft(eventId)).toMatchObject({ 'ws-a': 0 });
  });
});
