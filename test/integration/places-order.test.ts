import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { resourceNames } from '../../infra/constructs/names';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference, uniqueEmail } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let placesQueue: string;

beforeAll(async () => {
  // The outbox sweeper every second instead of every minute, for the refused send below.
  stack = await startTestStack({ scheduledEveryMs: 1000 });
  api = apiClient(stack.url);
  placesQueue = resourceNames(stack.resources.stage).queue('places', true);
});
afterAll(async () => stack?.stop());

type Status = { status: string; sessions: { sessionId: string; status: string }[] };
const statusOf = async (registrationId: string): Promise<Status> =>
  (await api.call<Status>('GET', `/registrations/${registrationId}`)).body;

/** Registers one after another: each is accepted (202) before the next is sent. */
const registerInTurn = async (eventId: string, count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
      body: { name: `Delegate ${i}`, email: uniqueEmail(`order-${i}`), sessions: ['ws-a'] },
    });
    expect(accepted.status).toBe(202);
    ids.push(accepted.body.registrationId);
  }
  return ids;
};

describe('the places queue', () => {
  it('decides a backlog of registrations in the order they were accepted, event places and workshop alike', async () => {
    // Arrange: 5 places and 2 in the workshop; the decisions held back while 12 are accepted.
    const eventId = await publishedEvent(
      stack,
      api,
      smallConference(stack.clock.now(), { capacity: 5, workshopCapacity: 2 }),
    );
    stack.queues.setConsumerEnabled(placesQueue, false);
    let ids: string[];
    try {
      ids = await registerInTurn(eventId, 12);
      // Accepted and waiting their turn: GET says pending.
      expect((await statusOf(ids[0]!)).status).toBe('pending');
    } finally {
      stack.queues.setConsumerEnabled(placesQueue, true);
    }
    await stack.settle();

    // Assert: the first five have the places, the first two the workshop's; the rest wait in order.
    const decided = await Promise.all(ids.map(statusOf));
    expect(decided.map((d) => d.status)).toEqual([
      ...Array(5).fill('confirmed'),
      ...Array(7).fill('waitlisted'),
    ]);
    expect(decided.slice(0, 5).map((d) => d.sessions.find((s) => s.sessionId === 'ws-a')?.status)).toEqual([
      'confirmed',
      'confirmed',
      'waitlisted',
      'waitlisted',
      'waitlisted',
    ]);

    // A cancellation goes through the same queue: the first waiting (the sixth accepted) takes the place.
    const cancelled = await api.call('POST', `/events/${eventId}/registrations/${ids[0]}/cancel`, {
      as: 'organisers',
    });
    expect(cancelled.status).toBe(202);
    await stack.settle();
    expect((await Promise.all(ids.slice(0, 7).map(statusOf))).map((d) => d.status)).toEqual([
      'cancelled',
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'confirmed',
      'waitlisted',
    ]);
    // And its workshop place went to the first confirmed delegate waiting for the workshop (the third).
    expect((await statusOf(ids[2]!)).sessions.find((s) => s.sessionId === 'ws-a')?.status).toBe('confirmed');
  });

  it('decides a registration whose request waits in the outbox before cancelling it, holding nothing up', async () => {
    // Arrange: the registration's request refused (parked); its cancellation reaches the queue first.
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 5 }));
    stack.queues.refuseSends(placesQueue, 4);
    const email = uniqueEmail('cancelled-early');
    const accepted = await api.call<{ registrationId: string }>('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Changed their mind', email },
    });
    expect(accepted.status).toBe(202);
    const id = accepted.body.registrationId;

    // Act
    const cancelled = await api.call('POST', `/events/${eventId}/registrations/${id}/cancel`, {
      as: 'organisers',
    });
    const next = await registerInTurn(eventId, 1);

    // Assert: cancelled at once, the next registration not held behind it, and the late request harmless.
    expect(cancelled.status).toBe(202);
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await statusOf(next[0]!)).status === 'pending') await sleep(200);
    expect((await statusOf(id)).status).toBe('cancelled');
    expect((await statusOf(next[0]!)).status).toBe('confirmed');
    await sleep(2500); // the sweeper's next runs send the parked request
    expect((await statusOf(id)).status).toBe('cancelled');
    // The booking mail may be overtaken by the cancellation (then it is not sent); none goes twice.
    const subjects = (await stack.ses.mail(email)).map((m) => m.subject);
    expect(subjects.at(-1)).toMatch(/cancelled/i);
    expect(new Set(subjects).size).toBe(subjects.length);
    expect(subjects.length).toBeLessThanOrEqual(2);
  });

  it('keeps a request SQS refused in the outbox, and the sweeper delivers it: decided and mailed once', async () => {
    // Arrange: every try of the next send refused (the SDK makes 4).
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 5 }));
    stack.queues.refuseSends(placesQueue, 4);
    const email = uniqueEmail('refused');

    // Act
    const accepted = await api.call<{ registrationId: string; status: string }>(
      'POST',
      `/events/${eventId}/registrations`,
      { body: { name: 'Refused once', email } },
    );

    // Assert: accepted all the same, then decided once the sweeper has sent it (polled: the sweeper's
    // timer keeps the stack busy, so it never settles).
    expect(accepted).toMatchObject({ status: 202, body: { status: 'pending' } });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline && (await statusOf(accepted.body.registrationId)).status === 'pending') {
      await sleep(200);
    }
    expect((await statusOf(accepted.body.registrationId)).status).toBe('confirmed');
    while (Date.now() < deadline && (await stack.ses.mail(email)).length === 0) await sleep(200);
    await sleep(1500);
    expect((await stack.ses.mail(email)).map((m) => m.subject)).toEqual([expect.stringMatching(/booked/i)]);
  });
});
