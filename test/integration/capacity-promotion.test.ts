import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

/** Registers each in turn (so the waiting list's order is theirs) and returns the ids. */
const registerAll = async (eventId: string, emails: string[], sessions?: string[]) => {
  const ids: string[] = [];
  for (const email of emails) {
    const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Delegate', email, ...(sessions ? { sessions } : {}) },
    });
    expect(accepted.status).toBe(202);
    ids.push(accepted.body.registrationId);
    await stack.settle();
  }
  return ids;
};

const statusOf = async (registrationId: string) =>
  (
    await api.call<{
      status: string;
      erased?: boolean;
      attended?: boolean;
      sessions: { sessionId: string; status: string }[];
    }>('GET', `/registrations/${registrationId}`)
  ).body;

const statuses = async (ids: string[]) => (await Promise.all(ids.map(statusOf))).map((s) => s.status);

const subjects = async (email: string) => (await stack.ses.mail(email)).map((m) => m.subject);

describe('raising a capacity', () => {
  it('promotes the first waiting, oldest first, with the place-has-come-up mail, and says how many', async () => {
    // Arrange: two places, four delegates: two wait.
    const body = smallConference(stack.clock.now(), { capacity: 2 });
    const eventId = await publishedEvent(stack, api, body);
    const emails = ['a', 'b', 'c', 'd'].map(uniqueEmail);
    const ids = await registerAll(eventId, emails);
    expect(await statuses(ids)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);

    // Act: one more place.
    const patched = await api.call<{ promoted: number; placesLeft: number }>('PATCH', `/events/${eventId}`, {
      body: { capacity: 3 },
      as: 'organisers',
    });
    await stack.settle();

    // Assert
    expect(patched).toMatchObject({ status: 200, body: { promoted: 1 } });
    expect(await statuses(ids)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted']);
    expect(await subjects(emails[2]!)).toEqual([
      expect.stringMatching(/waiting list/i),
      expect.stringMatching(/place has come up/i),
    ]);
    expect(await subjects(emails[3]!)).toHaveLength(1);
    // A newcomer is not given a place ahead of the one still waiting.
    const [late] = await registerAll(eventId, [uniqueEmail('late')]);
    expect(await statuses([late!])).toEqual(['waitlisted']);
  });

  it("promotes a workshop's waiting list when its capacity is raised; a change of title promotes nobody", async () => {
    const body = smallConference(stack.clock.now(), { capacity: 10, workshopCapacity: 1 });
    const eventId = await publishedEvent(stack, api, body);
    const emails = ['w1', 'w2', 'w3'].map(uniqueEmail);
    const ids = await registerAll(eventId, emails, ['ws-a']);
    const wsA = async (id: string) =>
      (await statusOf(id)).sessions.find((s) => s.sessionId === 'ws-a')?.status;
    expect(await Promise.all(ids.map(wsA))).toEqual(['confirmed', 'waitlisted', 'waitlisted']);

    const retitled = await api.call<{ promoted: number }>('PATCH', `/events/${eventId}`, {
      body: { title: 'Trust leaders day (renamed)' },
      as: 'organisers',
    });
    expect(retitled.body.promoted).toBe(0);

    const sessions = body.sessions!.map((s) => (s.id === 'ws-a' ? { ...s, capacity: 3 } : s));
    const patched = await api.call<{ promoted: number }>('PATCH', `/events/${eventId}`, {
      body: { sessions },
      as: 'organisers',
    });
    await stack.settle();

    expect(patched).toMatchObject({ status: 200, body: { promoted: 2 } });
    expect(await Promise.all(ids.map(wsA))).toEqual(['confirmed', 'confirmed', 'confirmed']);
    expect((await subjects(emails[1]!)).at(-1)).toMatch(/place has come up/i);
  });
});

describe('erasure', () => {
  it('before the event cancels a confirmed delegate and gives the place to the first waiting', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const emails = ['gone', 'next'].map(uniqueEmail);
    const [gone, next] = await registerAll(eventId, emails, ['ws-a']);

    const erased = await api.call('DELETE', `/events/${eventId}/registrations/${gone}`, { as: 'organisers' });
    await stack.settle();

    expect(erased.status).toBe(204);
    expect(await statusOf(gone!)).toMatchObject({ status: 'cancelled', erased: true });
    expect(await statusOf(next!)).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: 'ws-a', status: 'confirmed' }],
    });
    expect((await subjects(emails[1]!)).at(-1)).toMatch(/place has come up/i);
    // Nothing is mailed to the erased address about it.
    expect(await subjects(emails[0]!)).toHaveLength(1);
    const list = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    );
    expect(list.body.registrations[0]).toMatchObject({ status: 'cancelled', erased: true });
    expect(JSON.stringify(list.body)).not.toContain(emails[0]);
  });

  it('before the event takes a waiting delegate off the waiting list, so the next in line is served', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const [first, waiting, after] = await registerAll(eventId, ['f', 'w', 'a'].map(uniqueEmail));

    await api.call('DELETE', `/events/${eventId}/registrations/${waiting}`, { as: 'organisers' });
    await api.call('POST', `/events/${eventId}/registrations/${first}/cancel`, { as: 'organisers' });
    await stack.settle();

    expect(await statuses([first!, waiting!, after!])).toEqual(['cancelled', 'cancelled', 'confirmed']);
  });

  it('after the event keeps status and attendance and removes only the personal data', async () => {
    const body = smallConference(stack.clock.now(), { capacity: 1 });
    const eventId = await publishedEvent(stack, api, body);
    const [kept, waiting] = await registerAll(eventId, ['kept', 'w'].map(uniqueEmail));
    const checkIn = await api.call('POST', `/events/${eventId}/check-ins`, {
      body: { registrationId: kept },
      as: 'organisers',
    });
    expect(checkIn.status).toBe(200);
    await stack.advanceClock(new Date(new Date(`${body.endsAt}:00Z`).getTime() + 2 * 86_400_000));

    await api.call('DELETE', `/events/${eventId}/registrations/${kept}`, { as: 'organisers' });
    await stack.settle();

    expect(await statusOf(kept!)).toMatchObject({ status: 'confirmed', attended: true, erased: true });
    expect(await statusOf(waiting!)).toMatchObject({ status: 'waitlisted' });
  });
});

describe('an organiser cancelling for a delegate', () => {
  it('cancels with the cancellation mail and promotes the first waiting', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const emails = ['caller', 'waiting'].map(uniqueEmail);
    const [caller, waiting] = await registerAll(eventId, emails);
    const path = `/events/${eventId}/registrations/${caller}/cancel`;

    expect((await api.call('POST', path)).status).toBe(401);
    expect((await api.call('POST', path, { as: 'comms' })).status).toBe(403);
    expect(
      (await api.call('POST', `/events/evt_other/registrations/${caller}/cancel`, { as: 'organisers' }))
        .status,
    ).toBe(404);
    const cancelled = await api.call('POST', path, { as: 'organisers' });
    await stack.settle();

    expect(cancelled).toMatchObject({ status: 202, body: { registrationId: caller, status: 'cancelled' } });
    expect(await statuses([caller!, waiting!])).toEqual(['cancelled', 'confirmed']);
    expect((await subjects(emails[0]!)).at(-1)).toMatch(/cancelled/i);
    expect((await subjects(emails[1]!)).at(-1)).toMatch(/place has come up/i);
  });
});
