import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LocalStack } from '../../infra/local/stack';
import { publishedEvent, smallConference } from '../support/conference-fixtures';
import { apiClient, startTestStack } from '../support/local-stack';

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
  follows: unknown;
  tweetIds: string[];
  error?: string;
}

let spread = 0;
/** A fresh time some hours ahead, so posts of different tests never share a 15-minute window. */
const soon = (): string =>
  new Date(stack.clock.now().getTime() + 3_600_000 * (2 + (spread += 1))).toISOString();

const schedule = async (body: Record<string, unknown>) => {
  const created = await api.call<{ postId: string }>('POST', `/events/${eventId}/social-posts`, {
    as: 'comms',
    body,
  });
  expect(created.status).toBe(201);
  return created.body.postId;
};

const postOf = async (postId: string): Promise<Post> => {
  const list = await api.call<{ posts: Post[] }>('GET', `/events/${eventId}/social-posts`, { as: 'comms' });
  const post = list.body.posts.find((p) => p.postId === postId);
  if (!post) throw new Error(`No post ${postId}`);
  return post;
};

const retry = (postId: string, as: 'comms' | 'organisers' | 'nobody' = 'comms') =>
  api.call<Post & { error?: { code: string } }>(
    'POST',
    `/social-posts/${postId}/retry`,
    as === 'nobody' ? {} : { as },
  );

const sentTexts = async (prefix: string) =>
  (
    await api.call<{ id: string; text: string; replyTo: string | null }[]>('GET', '/local/x/posts')
  ).body.filter((t) => t.text.startsWith(prefix));

/** Schedules a post, lets X answer its parts from `script`, and waits until its time has passed. */
const failed = async (body: Record<string, unknown>, script: Parameters<LocalStack['x']['script']>[0]) => {
  const at = soon();
  const postId = await schedule({ ...body, publishAt: at });
  stack.x.script(script);
  await stack.advanceClock(new Date(at));
  const post = await postOf(postId);
  expect(post.status).toBe('failed');
  return post;
};

describe('POST /social-posts/{postId}/retry', () => {
  it('posts a failed post now, once, and answers it scheduled to go', async () => {
    const post = await failed({ text: 'Retry: welcome' }, [{ kind: 'duplicate' }]);
    expect(post.error).toMatch(/already posted the same text/);
    expect(await sentTexts('Retry: welcome')).toHaveLength(0);

    const answer = await retry(post.postId);

    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ postId: post.postId, status: 'scheduled', follows: null });
    expect(answer.body.error).toBeUndefined();
    const goesAt = new Date(answer.body.publishAt).getTime();
    expect(Math.abs(goesAt - stack.clock.now().getTime())).toBeLessThan(5_000);
    await stack.settle();
    const after = await postOf(post.postId);
    expect(after).toMatchObject({ status: 'published' });
    expect(after.error).toBeUndefined();
    expect(await sentTexts('Retry: welcome')).toHaveLength(1);
  });

  it('carries a thread on from the part that failed: the parts X took are not posted again', async () => {
    const post = await failed({ thread: ['Resume: 1/3', 'Resume: 2/3', 'Resume: 3/3'] }, [
      'ok',
      { kind: 'duplicate' },
    ]);
    expect(post.tweetIds).toHaveLength(1);

    expect((await retry(post.postId)).status).toBe(202);
    await stack.settle();

    const after = await postOf(post.postId);
    expect(after.status).toBe('published');
    const sent = await sentTexts('Resume: ');
    expect(sent.map((t) => t.text)).toEqual(['Resume: 1/3', 'Resume: 2/3', 'Resume: 3/3']);
    expect(sent.map((t) => t.replyTo)).toEqual([null, sent[0]!.id, sent[1]!.id]);
    expect(after.tweetIds).toEqual(sent.map((t) => t.id));
  });

  it('refuses with 409 a post that has not failed, and the second of two tries', async () => {
    // Days after every other post here, so it is still waiting when the clock moves for them.
    const later = new Date(stack.clock.now().getTime() + 30 * 86_400_000).toISOString();
    const scheduled = await schedule({ text: 'Retry: not failed', publishAt: later });
    const refused = await retry(scheduled);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'not_failed' } });

    const post = await failed({ text: 'Retry: twice' }, [{ kind: 'duplicate' }]);
    const [first, second] = await Promise.all([retry(post.postId), retry(post.postId)]);
    expect([first.status, second.status].sort()).toEqual([202, 409]);
    await stack.settle();
    expect(await sentTexts('Retry: twice')).toHaveLength(1);
    expect((await retry(post.postId)).status).toBe(409);
  });

  it('is for the comms team and organisers; an unknown post is 404', async () => {
    const post = await failed({ text: 'Retry: who' }, [{ kind: 'duplicate' }]);
    expect((await retry(post.postId, 'nobody')).status).toBe(401);
    expect((await retry(post.postId, 'organisers')).status).toBe(202);
    expect((await retry('post_unknown')).status).toBe(404);
    await stack.settle();
  });
});
