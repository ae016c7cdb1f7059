import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

// Starting a stack loads every function; on a busy machine that can take over the default minute.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 240_000);
afterAll(async () => stack?.stop());

interface Listed {
  events: {
    eventId: string;
    title: string;
    status: string;
    finished?: true;
    startsAt: string;
    startsAtUtc: string;
    confirmed: number;
    waitlisted: number;
    placesLeft: number;
  }[];
}

const DAY_MS = 86_400_000;
const daysFromNow = (days: number) => new Date(stack.clock.now().getTime() + days * DAY_MS);

const draftEvent = async (title: string, daysAhead: number): Promise<string> => {
  // smallConference puts the day 40 days after the date it is given.
  const body = smallConference(daysFromNow(daysAhead - 40), { title });
  const created = await api.call<{ eventId: string }>('POST', '/events', { body, as: 'organisers' });
  expect(created.status).toBe(201);
  return created.body.eventId;
};

const register = async (eventId: string, email: string) =>
  api.call<{ error: { code: string } }>('POST', `/events/${eventId}/registrations`, {
    body: { name: 'Delegate', email },
  });

const listed = async (ids: readonly string[]) => {
  const answer = await api.call<Listed>('GET', '/events', { as: 'organisers' });
  expect(answer.status).toBe(200);
  return answer.body.events.filter((e) => ids.includes(e.eventId));
};

describe('the events list', () => {
  it('lists drafts and published events with status, dates and counts, upcoming first', async () => {
    const later = await publishedEvent(stack, api, smallConference(daysFromNow(20), { title: 'Later day' }));
    const full = await publishedEvent(stack, api, smallConference(stack.clock.now(), { capacity: 1 }));
    const draft = await draftEvent('Draft day', 20);
    for (const who of ['first', 'second']) {
      expect((await register(full, `${who}-${Date.now()}@school.example.org`)).status).toBe(202);
    }
    await stack.settle();

    const events = await listed([later, full, draft]);

    expect(events.map((e) => e.eventId)).toEqual([draft, full, later]);
    expect(events[0]).toMatchObject({ title: 'Draft day', status: 'draft', confirmed: 0, waitlisted: 0 });
    expect(events[1]).toMatchObject({ status: 'published', confirmed: 1, waitlisted: 1, placesLeft: 0 });
    expect(events[1]?.startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T09:00$/);
    expect(events.every((e) => e.finished === undefined)).toBe(true);
  });

  it('is for organisers only', async () => {
    expect((await api.call('GET', '/events')).status).toBe(401);
    expect((await api.call('GET', '/events', { as: 'comms' })).status).toBe(403);
  });
});

describe('drafts', () => {
  it('an organiser reads a draft with a bearer token; without one it stays 404', async () => {
    const draft = await draftEvent('Hidden draft', 30);

    const organiser = await api.call<{ status: string }>('GET', `/events/${draft}`, { as: 'organisers' });
    const publicly = await api.call('GET', `/events/${draft}`);
    const badToken = await api.call('GET', `/events/${draft}`, {
      headers: { authorization: 'Bearer nonsense' },
    });

    expect(organiser).toMatchObject({ status: 200, body: { status: 'draft', title: 'Hidden draft' } });
    expect(publicly.status).toBe(404);
    expect(badToken.status).toBe(401);
  });
});

describe('an event whose day is over', () => {
  it('stays published, adds finished: true, goes after the upcoming ones and closes registration', async () => {
    const past = await publishedEvent(stack, api, smallConference(daysFromNow(-30), { title: 'Soon over' }));
    const upcoming = await publishedEvent(stack, api, smallConference(daysFromNow(30), { title: 'Next' }));
    const before = await api.call<{ finished?: true }>('GET', `/events/${past}`);
    expect(before.body.finished).toBeUndefined();

    await stack.advanceClock(daysFromNow(12));
    const shown = await api.call<{ status: string; finished?: true }>('GET', `/events/${past}`);
    const events = await listed([past, upcoming]);
    const registering = await register(past, `late-${Date.now()}@school.example.org`);

    expect(shown).toMatchObject({ status: 200, body: { status: 'published', finished: true } });
    expect(events.map((e) => [e.eventId, e.finished])).toEqual([
      [upcoming, undefined],
      [past, true],
    ]);
    expect(registering).toMatchObject({ status: 409, body: { error: { code: 'registration_closed' } } });
  });
});
