import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../infra/local/stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;

// Starting the stack may synthesize the CDK app's policies first (the code changed): minutes on a busy machine.
beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
}, 300_000);
afterAll(async () => stack?.stop());

// Half an hour off UTC all year, so a wall-clock time read as UTC (or as London time) would show.
const ZONE = 'Asia/Kolkata';

interface Post {
  postId: string;
  publishAt: string;
  publishAtLocal: string;
  follows: { from: string; minutes: number } | null;
}

/** A published event in Kolkata; returns its id and day (`yyyy-MM-dd`). */
const kolkataEvent = async () => {
  const body = { ...smallConference(stack.clock.now()), timezone: ZONE };
  return { eventId: await publishedEvent(stack, api, body), day: body.startsAt.slice(0, 10) };
};

const dayBefore = (day: string): string => DateTime.fromISO(day).minus({ days: 1 }).toFormat('yyyy-MM-dd');
const utcOf = (wallClock: string): string =>
  DateTime.fromISO(wallClock, { zone: ZONE }).toUTC().toISO() as string;

const schedule = (eventId: string, body: Record<string, unknown>) =>
  api.call<Post>('POST', `/events/${eventId}/social-posts`, { as: 'comms', body });
const change = (postId: string, body: Record<string, unknown>) =>
  api.call<Post>('PATCH', `/social-posts/${postId}`, { as: 'comms', body });

describe('one time format for posts', () => {
  it("takes publishAt as wall-clock in the event's zone or as an instant, and answers both", async () => {
    const { eventId, day } = await kolkataEvent();
    const eve = dayBefore(day);

    const local = await schedule(eventId, { text: 'See you tomorrow', publishAt: `${eve}T09:00` });
    const instant = await schedule(eventId, { text: 'Doors at nine', publishAt: `${eve}T12:00:00+01:00` });

    expect(local.status).toBe(201);
    expect(local.body).toMatchObject({
      publishAt: utcOf(`${eve}T09:00`),
      publishAtLocal: `${eve}T09:00`,
      follows: null,
    });
    expect(instant.body).toMatchObject({ publishAt: `${eve}T11:00:00.000Z`, publishAtLocal: `${eve}T16:30` });
    const listed = await api.call<{ posts: Post[] }>('GET', `/events/${eventId}/social-posts`, {
      as: 'comms',
    });
    expect(listed.body.posts.map((p) => p.publishAtLocal)).toEqual([`${eve}T09:00`, `${eve}T16:30`]);
  });

  it('says a post given a time of its own no longer follows the event, and a new offset follows it again', async () => {
    const { eventId, day } = await kolkataEvent();
    const created = await schedule(eventId, {
      text: 'Starting soon',
      offset: { from: 'start', minutes: -60 },
    });
    expect(created.body).toMatchObject({
      publishAtLocal: `${day}T08:00`,
      follows: { from: 'start', minutes: -60 },
    });

    const own = await change(created.body.postId, { publishAt: `${day}T07:45` });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ publishAtLocal: `${day}T07:45`, follows: null });

    const again = await change(created.body.postId, { offset: { from: 'end', minutes: 30 } });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({
      publishAt: utcOf(`${day}T17:00`),
      publishAtLocal: `${day}T17:00`,
      follows: { from: 'end', minutes: 30 },
    });

    const later = DateTime.fromISO(day).plus({ days: 1 }).toFormat('yyyy-MM-dd');
    const moved = await api.call('PATCH', `/events/${eventId}`, {
      body: { startsAt: `${later}T09:00`, endsAt: `${later}T16:30` },
      as: 'organisers',
    });
    expect(moved.status).toBe(200);
    await stack.settle();
    const listed = await api.call<{ posts: Post[] }>('GET', `/events/${eventId}/social-posts`, {
      as: 'comms',
    });
    expect(listed.body.posts[0]?.publishAtLocal).toBe(`${later}T17:00`);
  });

  it('refuses publishAt and offset together, and a time that is neither form', async () => {
    const { eventId, day } = await kolkataEvent();
    const created = await schedule(eventId, { text: 'Hello', offset: { from: 'start', minutes: -30 } });

    const both = await change(created.body.postId, {
      publishAt: `${day}T07:00`,
      offset: { from: 'start', minutes: -10 },
    });
    const neither = await schedule(eventId, { text: 'Hi', publishAt: `${day} 07:00` });

    expect(both.status).toBe(400);
    expect(neither.status).toBe(400);
  });
});

describe('one time format for campaigns', () => {
  it("takes sendAt as wall-clock in the event's zone and schedules it at that instant", async () => {
    const { eventId, day } = await kolkataEvent();
    await api.call('POST', `/events/${eventId}/registrations`, {
      body: { name: 'Sam', email: `sam-${Date.now()}@school.example.org` },
    });
    await stack.settle();
    const eve = dayBefore(day);

    const accepted = await api.call<{ campaignId: string; sendAt: string; sendAtLocal: string }>(
      'POST',
      `/events/${eventId}/campaigns`,
      {
        body: {
          subject: 'Travel for {{event.title}}',
          text: 'Dear {{name}}, trains are running.',
          audience: { status: ['confirmed'] },
          sendAt: `${eve}T18:00`,
        },
        as: 'organisers',
      },
    );

    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ sendAt: utcOf(`${eve}T18:00`), sendAtLocal: `${eve}T18:00` });
    const scheduled = stack.scheduler.list().find((s) => s.name === `campaign-${accepted.body.campaignId}`);
    expect(scheduled?.dueAt.toISOString()).toBe(utcOf(`${eve}T18:00`));
    const shown = await api.call('GET', `/campaigns/${accepted.body.campaignId}`, { as: 'organisers' });
    expect(shown.body).toMatchObject({ sendAt: utcOf(`${eve}T18:00`), sendAtLocal: `${eve}T18:00` });
  });
});
