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

interface Booking {
  registrationId: string;
  status: string;
  overbooked?: boolean;
  checkedIn?: boolean;
  error?: { code: string; details: { path: string }[] };
}

const register = (
  eventId: string,
  body: Record<string, unknown>,
  as?: 'organisers' | 'comms',
  headers?: Record<string, string>,
) =>
  api.call<Booking>('POST', `/events/${eventId}/registrations`, {
    body,
    ...(as ? { as } : {}),
    ...(headers ? { headers } : {}),
  });

const statusOf = async (registrationId: string) =>
  (
    await api.call<{ status: string; attended?: boolean; sessions: { sessionId: string; status: string }[] }>(
      'GET',
      `/registrations/${registrationId}`,
    )
  ).body;

describe('bookings an organiser makes', () => {
  it('books someone who phoned: waitlisted when full, confirmed beyond capacity only with overbook', async () => {
    // Arrange: a full event (one place).
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    expect((await register(eventId, { name: 'First', email: uniqueEmail('first') })).status).toBe(202);
    await stack.settle();

    // Act
    const waiting = await register(eventId, { name: 'Phoned', email: uniqueEmail('phoned') }, 'organisers');
    const vipEmail = uniqueEmail('vip');
    const vip = await register(
      eventId,
      { name: 'Keynote guest', email: vipEmail, sessions: ['ws-a'], overbook: true },
      'organisers',
    );
    await stack.settle();

    // Assert: the answer says how it went, and the booking mail went.
    expect(waiting).toMatchObject({ status: 202, body: { status: 'waitlisted', overbooked: false } });
    expect(vip).toMatchObject({ status: 202, body: { status: 'confirmed', overbooked: true } });
    expect(await statusOf(vip.body.registrationId)).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: 'ws-a', status: 'confirmed' }],
    });
    const mails = await stack.ses.mail(vipEmail);
    expect(mails).toHaveLength(1);
    expect(manageLinkIn(mails[0]?.body.text ?? '').registrationId).toBe(vip.body.registrationId);
    const event = await api.call<{ placesLeft: number }>('GET', `/events/${eventId}`);
    expect(event.body.placesLeft).toBe(0);
  });

  it('keeps the public route as it was: overbook and checkIn are unknown fields without a token', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const refused = await register(eventId, {
      name: 'Sneaky',
      email: uniqueEmail('sneaky'),
      overbook: true,
      checkIn: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details.map((d) => d.path).sort()).toEqual(['checkIn', 'overbook']);
    const accepted = await register(eventId, { name: 'Public', email: uniqueEmail('public') });
    expect(accepted).toMatchObject({ status: 202, body: { status: 'pending' } });

    const badToken = await register(eventId, { name: 'Bad', email: uniqueEmail('bad') }, undefined, {
      authorization: 'Bearer not-a-token',
    });
    expect(badToken.status).toBe(401);
    expect((await register(eventId, { name: 'Comms', email: uniqueEmail('comms') }, 'comms')).status).toBe(
      403,
    );
    await stack.settle();
  });

  it('registers a walk-in at the door and checks them in in one step', async () => {
    const body = smallConference(stack.clock.now());
    const eventId = await publishedEvent(stack, api, body);
    // The event has started: delegates can no longer register, an organiser at the door still can.
    await stack.advanceClock(new Date(new Date(`${body.startsAt}:00Z`).getTime() + 3 * 3_600_000));
    const late = await register(eventId, { name: 'Late', email: uniqueEmail('late') });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'registration_closed' } } });

    const walkIn = await register(
      eventId,
      { name: 'Walk-in', email: uniqueEmail('walkin'), checkIn: true },
      'organisers',
    );
    await stack.settle();

    expect(walkIn).toMatchObject({ status: 202, body: { status: 'confirmed', checkedIn: true } });
    expect(await statusOf(walkIn.body.registrationId)).toMatchObject({ status: 'confirmed', attended: true });
  });
});

describe('substituting a colleague', () => {
  it('moves the place and sessions to the new person, mails them the booking and the old address a note', async () => {
    // Arrange
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const oldEmail = uniqueEmail('old');
    const newEmail = uniqueEmail('new');
    const { registrationId } = (
      await register(eventId, { name: 'Old Delegate', email: oldEmail, sessions: ['ws-a'] })
    ).body;
    await stack.settle();
    const path = `/events/${eventId}/registrations/${registrationId}`;

    // Act
    expect((await api.call('PATCH', path, { body: { name: 'New', email: newEmail } })).status).toBe(401);
    const substituted = await api.call('PATCH', path, {
      body: { name: 'New Colleague', email: newEmail },
      as: 'organisers',
    });
    await stack.settle();

    // Assert
    expect(substituted).toMatchObject({
      status: 200,
      body: { registrationId, status: 'confirmed', substituted: true },
    });
    expect(await statusOf(registrationId)).toMatchObject({
      status: 'confirmed',
      sessions: [{ sessionId: 'ws-a', status: 'confirmed' }],
    });
    const toNew = await stack.ses.mail(newEmail);
    expect(toNew).toHaveLength(1);
    expect(toNew[0]?.destination.to).toEqual([`"New Colleague" <${newEmail}>`]);
    expect(manageLinkIn(toNew[0]?.body.text ?? '').registrationId).toBe(registrationId);
    const toOld = await stack.ses.mail(oldEmail);
    expect(toOld).toHaveLength(2);
    expect(toOld[1]?.subject).toMatch(/passed on/i);
    expect(toOld[1]?.body.text).toMatch(/passed to a colleague/);
    const list = await api.call<{ registrations: Record<string, unknown>[] }>(
      'GET',
      `/events/${eventId}/registrations`,
      { as: 'organisers' },
    );
    expect(list.body.registrations).toEqual([
      expect.objectContaining({ name: 'New Colleague', email: newEmail, status: 'confirmed' }),
    ]);
    // The old holder's manage link no longer manages the place; the new holder's does.
    const oldLink = manageLinkIn(toOld[0]?.body.text ?? '');
    const newLink = manageLinkIn(toNew[0]?.body.text ?? '');
    const oldCancel = await api.call('POST', `/registrations/${registrationId}/cancel`, {
      body: { token: oldLink.token },
    });
    expect(oldCancel).toMatchObject({ status: 403, body: { error: { code: 'invalid_token' } } });
    const oldChange = await api.call('POST', `/registrations/${registrationId}/sessions`, {
      body: { token: oldLink.token, sessions: [] },
    });
    expect(oldChange.status).toBe(403);
    expect(await statusOf(registrationId)).toMatchObject({ status: 'confirmed' });
    expect(newLink.token).not.toBe(oldLink.token);
    // The old address is free to register again; the new one is taken.
    expect((await register(eventId, { name: 'Again', email: newEmail })).status).toBe(409);
    expect((await register(eventId, { name: 'Old again', email: oldEmail })).status).toBe(202);
    await stack.settle();
  });

  it('answers 409 already_registered when the new address is registered for the event', async () => {
    const eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
    const taken = uniqueEmail('taken');
    const a = (await register(eventId, { name: 'A', email: uniqueEmail('a') })).body.registrationId;
    await register(eventId, { name: 'B', email: taken });
    await stack.settle();

    const clash = await api.call('PATCH', `/events/${eventId}/registrations/${a}`, {
      body: { name: 'B twice', email: taken.toUpperCase() },
      as: 'organisers',
    });

    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'already_registered' } } });
  });
});
