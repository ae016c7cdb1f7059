import { SocialPostDue } from '../../events';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DateTime } from 'luxon';
import type { LocalStack } from '../../infra/local/stack';
import { apiClient, startTestStack } from '../support/local-stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';

let stack: LocalStack;
let api: ReturnType<typeof apiClient>;
let eventId: string;

beforeAll(async () => {
  stack = await startTestStack();
  api = apiClient(stack.url);
  eventId = await publishedEvent(stack, api, smallConference(stack.clock.now()));
});
afterAll(async () => stack?.stop());

interface Post {
  postId: string;
  status: string;
  publishAt: string;
  tweetIds: string[];
  reason?: string;
  error?: string;
}

const minutesAhead = (minutes: number): string =>
  new Date(stack.clock.now().getTime() + minutes * 60_000).toISOString();

let spread = 0;
/** A fresh time some hours ahead, so posts of different tests never share a 15-minute window. */
const soon = (): string => minutesAhead(60 * (2 + (spread += 1)));

const schedule = async (body: Record<string, unknown>, event = eventId) =>
  api.call<Post & { weightedLength: number[] }>('POST', `/events/${event}/social-posts`, {
    as: 'comms',
    body,
  });

const postOf = async (postId: string, event = eventId): Promise<Post> => {
  const list = await api.call<{ posts: Post[] }>('GET', `/events/${event}/social-posts`, { as: 'comms' });
  expect(list.status).toBe(200);
  const post = list.body.posts.find((p) => p.postId === postId);
  if (!post) throw new Error(`No post ${postId}`);
  return post;
};

const xPosts = async () =>
  (
    await api.call<{ id: string; text: string; replyTo: string | null; at: string }[]>(
      'GET',
      '/local/x/posts',
    )
  ).body;

describe('scheduling', () => {
  it('refuses a part over 280 weighted characters, counting URLs as 23 and emoji as 2', async () => {
    const url = `https://example.org/${'very-long-path/'.repeat(20)}`;
    const fits = `${'a'.repeat(280 - 24 - 2 * 10)} ${url}${'🎉'.repeat(10)}`;
    const ok = await schedule({ thread: ['Places are going fast', fits], publishAt: soon() });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ status: 'scheduled', weightedLength: [21, 280] });

    const over = await schedule({ thread: ['Fine', `${fits}🎉`], publishAt: soon() });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({
      error: { code: 'too_long', details: [{ path: 'thread.1', message: expect.stringContaining('282') }] },
    });
    expect(JSON.stringify(over.body)).toMatch(/Part 2 is 282/);
  });

  it('refuses an empty part, more than 25 parts, a time in the past, and callers outside comms', async () => {
    expect((await schedule({ thread: ['One', ' '], publishAt: soon() })).status).toBe(400);
    expect(
      (await schedule({ thread: Array.from({ length: 26 }, (_, i) => `Part ${i}`), publishAt: soon() }))
        .status,
    ).toBe(400);
    expect((await schedule({ text: 'Late', publishAt: minutesAhead(-5) })).status).toBe(400);
    expect(
      (await schedule({ text: 'Both', publishAt: soon(), offset: { from: 'start', minutes: 0 } })).status,
    ).toBe(400);
    const anonymous = await api.call('POST', `/events/${eventId}/social-posts`, {
      body: { text: 'x', publishAt: soon() },
    });
    expect(anonymous.status).toBe(401);
    const organisers = await api.call('POST', `/events/${eventId}/social-posts`, {
      as: 'organisers',
      body: { text: 'Organisers may post too', publishAt: soon() },
    });
    expect(organisers.status).toBe(201);
  });
});

describe('posting', () => {
  it('posts a thread of 3 in order, each part a reply to the one before', async () => {
    const at = soon();
    const created = await schedule({
      thread: ['Doors open 1/3', 'Coffee in the atrium 2/3', 'Keynote at 9:30 3/3'],
      publishAt: at,
    });
    expect(created.status).toBe(201);
    await stack.advanceClock(new Date(at));
    const post = await postOf(created.body.postId);
    expect(post.status).toBe('published');
    const sent = (await xPosts()).filter((t) => /\/3$/.test(t.text) && t.text !== 'x');
    const thread = sent.filter((t) => post.tweetIds.includes(t.id));
    expect(thread.map((t) => t.text)).toEqual([
      'Doors open 1/3',
      'Coffee in the atrium 2/3',
      'Keynote at 9:30 3/3',
    ]);
    expect(thread.map((t) => t.replyTo)).toEqual([null, post.tweetIds[0], post.tweetIds[1]]);
    expect(post.tweetIds).toEqual(thread.map((t) => t.id));
  });

  it('resumes a thread after a failure on part 3: the retry posts part 3 only', async () => {
    const at = soon();
    const created = await schedule({ thread: ['Resume 1', 'Resume 2', 'Resume 3'], publishAt: at });
    stack.x.script(['ok', 'ok', { kind: 'drop' }]);
    await stack.advanceClock(new Date(at));
    const post = await postOf(created.body.postId);
    expect(post.status).toBe('published');
    const texts = (await xPosts()).filter((t) => t.text.startsWith('Resume ')).map((t) => t.text);
    expect(texts).toEqual(['Resume 1', 'Resume 2', 'Resume 3']);
    expect(post.tweetIds).toHaveLength(3);
  });

  it('posts each part once when the same due event is delivered twice at once', async () => {
    const at = soon();
    const created = await schedule({ thread: ['Twice 1', 'Twice 2'], publishAt: at });
    const post = await postOf(created.body.postId);
    const due = {
      version: '0',
      id: 'duplicate-delivery',
      'detail-type': SocialPostDue.detailType,
      source: SocialPostDue.source,
      account: '000000000000',
      time: at,
      region: 'eu-west-2',
      resources: [],
      detail: { postId: post.postId, eventId, publishAt: post.publishAt },
    };
    // Deliveries that lose the race for a part throw, so the bus would retry them later; here nothing retries.
    await Promise.allSettled([
      stack.runtime.invoke('publishSocialPost', due),
      stack.runtime.invoke('publishSocialPost', due),
    ]);
    await stack.runtime.invoke('publishSocialPost', due).catch(() => undefined);
    const texts = (await xPosts()).filter((t) => t.text.startsWith('Twice ')).map((t) => t.text);
    expect(texts).toEqual(['Twice 1', 'Twice 2']);
    expect((await postOf(created.body.postId)).status).toBe('published');
  });

  it('keeps a rate-limited post scheduled with the reason and posts it after the reset', async () => {
    const at = soon();
    const created = await schedule({ text: 'Keynote starting soon', publishAt: at });
    stack.x.script([{ kind: 'rate_limited', resetInSeconds: 600 }]);
    await stack.advanceClock(new Date(at));
    const waiting = await postOf(created.body.postId);
    expect(waiting.status).toBe('scheduled');
    expect(waiting.reason).toMatch(/rate limit/);
    // X's reset (epoch seconds) is 600 s after the moment it answered, which is `at` or just after.
    const resetAt = new Date(waiting.publishAt).getTime();
    expect(resetAt).toBeGreaterThanOrEqual(new Date(at).getTime() + 600_000);
    expect(resetAt).toBeLessThan(new Date(at).getTime() + 605_000);
    expect((await xPosts()).some((t) => t.text === 'Keynote starting soon')).toBe(false);

    await stack.advanceClock(new Date(new Date(waiting.publishAt).getTime() + 1000));
    const posted = await postOf(created.body.postId);
    expect(posted.status).toBe('published');
    expect((await xPosts()).filter((t) => t.text === 'Keynote starting soon')).toHaveLength(1);
  });

  it('marks a post X refuses as a duplicate failed, with a message a person understands', async () => {
    const at = soon();
    const created = await schedule({ text: 'Thank you for coming', publishAt: at });
    stack.x.script([{ kind: 'duplicate' }]);
    await stack.advanceClock(new Date(at));
    const post = await postOf(created.body.postId);
    expect(post.status).toBe('failed');
    expect(post.error).toMatch(/already posted the same text/);
  });

  it('edits and cancels a scheduled post, its weighted length counted when its text was written', async () => {
    const created = await schedule({ text: 'Draft', publishAt: soon() });
    const later = soon();
    const patched = await api.call<Post>('PATCH', `/social-posts/${created.body.postId}`, {
      as: 'comms',
      body: { text: 'Edited 🎉', publishAt: later },
    });
    expect(patched).toMatchObject({
      status: 200,
      body: { publishAt: later, thread: ['Edited 🎉'], weightedLength: [9] },
    });
    const moved = await api.call<Post>('PATCH', `/social-posts/${created.body.postId}`, {
      as: 'comms',
      body: { publishAt: soon() },
    });
    expect(moved).toMatchObject({ status: 200, body: { thread: ['Edited 🎉'], weightedLength: [9] } });
    expect(await postOf(created.body.postId)).toMatchObject({ weightedLength: [9] });
    const cancelled = await api.call('DELETE', `/social-posts/${created.body.postId}`, { as: 'comms' });
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', weightedLength: [9] } });
    expect(stack.scheduler.list().some((s) => s.name === `post-${created.body.postId}`)).toBe(false);
    await stack.advanceClock(new Date(new Date(later).getTime() + 1000));
    expect((await xPosts()).some((t) => t.text === 'Edited 🎉')).toBe(false);
  });
});

describe('offsets', () => {
  it('moves an offset post with its event, and cancelling the event cancels it', async () => {
    const body = smallConference(stack.clock.now(), { title: 'Offset day' });
    const id = await publishedEvent(stack, api, { ...body, sessions: [] });
    const created = await schedule(
      { text: 'Doors open in 10 minutes', offset: { from: 'start', minutes: -10 } },
      id,
    );
    expect(created.status).toBe(201);
    const start = DateTime.fromISO(body.startsAt, { zone: body.timezone });
    expect(created.body.publishAt).toBe(start.minus({ minutes: 10 }).toUTC().toISO());

    const day = start.plus({ days: 1 }).toFormat('yyyy-MM-dd');
    const moved = await api.call('PATCH', `/events/${id}`, {
      as: 'organisers',
      body: { startsAt: `${day}T10:00`, endsAt: `${day}T16:30` },
    });
    expect(moved.status).toBe(200);
    await stack.settle();
    const expected = DateTime.fromISO(`${day}T09:50`, { zone: body.timezone }).toUTC().toISO();
    expect((await postOf(created.body.postId, id)).publishAt).toBe(expected);
    const schedule_ = stack.scheduler.list().find((s) => s.name === `post-${created.body.postId}`);
    expect(schedule_?.dueAt.toISOString()).toBe(expected);

    await api.call('POST', `/events/${id}/cancel`, { as: 'organisers' });
    await stack.settle();
    expect((await postOf(created.body.postId, id)).status).toBe('cancelled');
    expect(stack.scheduler.list().some((s) => s.name === `post-${created.body.postId}`)).toBe(false);
  });
});

describe('offsets from a session', () => {
  it('moves a post with its session when only the session moves, and fails it when the session goes', async () => {
    const body = smallConference(stack.clock.now(), { title: 'Keynote day' });
    const id = await publishedEvent(stack, api, body);
    const created = await schedule(
      { text: 'The opening keynote starts in 30 minutes', offset: { from: 'keynote', minutes: -30 } },
      id,
    );
    expect(created.status).toBe(201);
    const day = body.startsAt.slice(0, 10);
    const at = (time: string) => DateTime.fromISO(`${day}T${time}`, { zone: body.timezone }).toUTC().toISO();
    expect(created.body.publishAt).toBe(at('09:00'));

    // The keynote moves half an hour later; the event's start and end stay.
    const sessions = (body.sessions ?? []).map((s) =>
      s.id === 'keynote' ? { ...s, startsAt: `${day}T10:00`, endsAt: `${day}T11:00` } : s,
    );
    expect((await api.call('PATCH', `/events/${id}`, { as: 'organisers', body: { sessions } })).status).toBe(
      200,
    );
    await stack.settle();
    expect((await postOf(created.body.postId, id)).publishAt).toBe(at('09:30'));
    const moved = stack.scheduler.list().find((s) => s.name === `post-${created.body.postId}`);
    expect(moved?.dueAt.toISOString()).toBe(at('09:30'));

    const withoutKeynote = sessions.filter((s) => s.id !== 'keynote');
    const dropped = await api.call('PATCH', `/events/${id}`, {
      as: 'organisers',
      body: { sessions: withoutKeynote },
    });
    expect(dropped.status).toBe(200);
    await stack.settle();
    const failed = await postOf(created.body.postId, id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/session keynote .* no longer in the event/);
    expect(stack.scheduler.list().some((s) => s.name === `post-${created.body.postId}`)).toBe(false);
  });
});

describe('window limits', () => {
  it('refuses with 409 more posts in 15 minutes than the configured limit allows', async () => {
    const at = new Date(new Date(soon()).getTime() + 86_400_000 * 3);
    const thread = Array.from({ length: 25 }, (_, i) => `Limit ${i + 1}`);
    expect((await schedule({ thread, publishAt: at.toISOString() })).status).toBe(201);
    expect(
      (await schedule({ thread, publishAt: new Date(at.getTime() + 60_000).toISOString() })).status,
    ).toBe(201);
    const full = await schedule({
      text: 'One too many',
      publishAt: new Date(at.getTime() + 5 * 60_000).toISOString(),
    });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ error: { code: 'rate_limit_window_full' } });
    const after = await schedule({
      text: 'Later is fine',
      publishAt: new Date(at.getTime() + 16 * 60_000).toISOString(),
    });
    expect(after.status).toBe(201);
  });
});
