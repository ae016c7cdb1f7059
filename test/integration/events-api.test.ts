import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { demoConference } from '../../infra/local/seed';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
});
afterAll(async () => stack?.stop());

const conference = () => demoConference(stack.clock.now());

const createEvent = async (body: unknown = conference()) => {
  const response = await api.call<{ eventId: string; status: string }>('POST', '/events', {
    body,
    as: 'organisers',
  });
  expect(response.status).toBe(201);
  return response.body.eventId;
};

const eventsOnBus = (detailType: string, eventId: string) =>
  stack.bus.archive.filter(
    (e) =>
      e['detail-type'] === detailType &&
      (e.detail as { event: { eventId: string } }).event.eventId === eventId,
  );

describe('creating, publishing and reading events through the HTTP API', () => {
  it('creates a draft, hides it from the public, publishes it, then shows places and times', async () => {
    // Arrange / Act
    const created = await api.call('POST', '/events', { body: conference(), as: 'organisers' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ eventId: expect.stringMatching(/^evt_/), status: 'draft' });
    const eventId = (created.body as { eventId: string }).eventId;

    expect((await api.call('GET', `/events/${eventId}`)).status).toBe(404);

    const published = await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' });
    expect(published).toMatchObject({ status: 200, body: { status: 'published' } });

    // Assert
    const shown = await api.call<Record<string, unknown>>('GET', `/events/${eventId}`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({
      eventId,
      status: 'published',
      timezone: 'Europe/London',
      startsAt: conference().startsAt,
      capacity: 350,
      placesLeft: 350,
    });
    const sessions = shown.body.sessions as { id: string; placesLeft: number | null; startsAtUtc: string }[];
    expect(sessions).toHaveLength(7);
    expect(sessions.find((s) => s.id === 'ws-send')?.placesLeft).toBe(40);
    expect(sessions.find((s) => s.id === 'opening-keynote')?.placesLeft).toBeNull();
    expect(new Date(shown.body.startsAtUtc as string).toISOString()).toBe(shown.body.startsAtUtc);

    await stack.settle();
    expect(eventsOnBus('Event Created', eventId)).toHaveLength(1);
    expect(eventsOnBus('Event Published', eventId)).toHaveLength(1);
  });

  it('moves an event with PATCH and announces that its times changed', async () => {
    const eventId = await createEvent();
    await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' });
    const original = conference();
    const moved = {
      startsAt: original.startsAt.replace('T09:00', 'T10:00'),
      sessions: original.sessions?.map((s) =>
        s.id === 'opening-keynote' ? { ...s, startsAt: s.startsAt.replace('09:30', '10:00') } : s,
      ),
    };

    const patched = await api.call<Record<string, unknown>>('PATCH', `/events/${eventId}`, {
      body: moved,
      as: 'organisers',
    });

    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ startsAt: moved.startsAt, changed: ['startsAt', 'sessions'] });
    await stack.settle();
    const updates = eventsOnBus('Event Updated', eventId);
    expect(updates).toHaveLength(1);
    expect(updates[0]?.detail).toMatchObject({ timesChanged: true, changed: ['startsAt', 'sessions'] });
  });

  it('refuses a PATCH with an invalid capacity and an unknown field, and changes nothing', async () => {
    const eventId = await createEvent();
    const response = await api.call<{ error: { code: string; details: { path: string }[] } }>(
      'PATCH',
      `/events/${eventId}`,
      {
        body: { capacity: 0, status: 'published' },
        as: 'organisers',
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.error.details.map((d) => d.path).sort()).toEqual(['capacity', 'status']);
    expect((await api.call('POST', `/events/${eventId}/publish`, { as: 'organisers' })).status).toBe(200);
    expect((await api.call<{ capacity: number }>('GET', `/events/${eventId}`)).body.capacity).toBe(350);
  });
});

describe('bad input writes nothing and gets a clear 4xx', () => {
  const countEvents = () => stack.bus.archive.filter((e) => e['detail-type'] === 'Event Created').length;

  it.each([
    ['malformed JSON', { rawBody: '{"title": ' }],
    ['a wrong type', { body: { ...demoConference(new Date()), capacity: '350' } }],
    ['an unknown field', { body: { ...demoConference(new Date()), eventId: 'evt_mine' } }],
    ['a huge title', { body: { ...demoConference(new Date()), title: 'x'.repeat(5000) } }],
    ['an unknown zone', { body: { ...demoConference(new Date()), timezone: 'Mars/Olympus' } }],
    ['an end before the start', { body: { ...demoConference(new Date()), endsAt: '2000-01-01T00:00' } }],
    ['an empty body', { rawBody: '' }],
  ])('refuses %s with 400 invalid_request', async (_, request) => {
    const before = countEvents();
    const response = await api.call<{ error: { code: string; message: string } }>('POST', '/events', {
      ...request,
      as: 'organisers',
    });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_request');
    expect(response.body.error.message).toEqual(expect.any(String));
    await stack.settle();
    expect(countEvents()).toBe(before);
  });

  it('answers 401 without a token, 401 with a forged one and 403 for comms', async () => {
    expect((await api.call('POST', '/events', { body: conference() })).status).toBe(401);
    const forged = await api.call('POST', '/events', {
      body: conference(),
      headers: { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
    });
    expect(forged.status).toBe(401);
    const comms = await api.call<{ error: { code: string } }>('POST', '/events', {
      body: conference(),
      as: 'comms',
    });
    expect(comms).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
  });

  it('answers 404 in the error shape for an unknown event and route', async () => {
    expect((await api.call('GET', '/events/evt_nothing')).body).toMatchObject({
      error: { code: 'not_found' },
    });
    expect(
      (await api.call('PATCH', '/events/evt_nothing', { body: { title: 'x' }, as: 'organisers' })).status,
    ).toBe(404);
    expect((await api.call('GET', '/nowhere')).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  it('is served at /openapi.json', async () => {
    const response = await api.call<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/openapi.json',
    );
    expect(response.status).toBe(200);
    expect(response.body.openapi).toBe('3.1.0');
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/events', '/events/{eventId}']),
    );
  });
});
