import type { SocialPostDue } from '../../../events';
import { socialPostRepository, WindowFullError } from '../../adapters/dynamo/social-post-repository';
import { logger } from '../../adapters/observability';
import { postTweet } from '../../adapters/x-client';
import { nowIso, nowMs } from '../../clock';
import type { SocialPost } from '../../domain/social/post';
import { moveSchedule, schedulePost } from './schedule';

/** How long a delivery holds a part: longer than one X request can take, retried under the function timeout. */
const PART_CLAIM_LEASE_MS = 60_000;

/** Thrown so the bus retries later: the part's outcome is with another delivery, or it died mid-request. */
export class PartInFlightError extends Error {
  constructor(postId: string, index: number) {
    super(`Part ${index + 1} of post ${postId} is being posted by another delivery`);
    this.name = 'PartInFlightError';
  }
}

/**
 * Posts a due post: a thread as replies, in order. Each part's tweet id is recorded before the next part
 * goes, so a delivery retried after a crash resumes where it stopped and never posts a part twice. A 429
 * moves the post to X's reset time (still scheduled, with the reason); a refusal marks it failed; network
 * errors and 5xx are thrown, so the bus retries with backoff.
 */
export const publishSocialPost = async (due: SocialPostDue): Promise<void> => {
  let post = await socialPostRepository.find(due.postId);
  if (post?.status === 'scheduled' && post.publishAt !== due.publishAt && post.publishAt > nowIso()) {
    // A schedule left at an old time (its move was cut short): it is put at the post's time again.
    await schedulePost(post);
    logger.warn('Social post due at an old time: its schedule is put at its own time', {
      postId: post.postId,
    });
    return;
  }
  if (!post || post.status !== 'scheduled' || post.publishAt !== due.publishAt) {
    logger.info('Social post not due (changed since scheduled)', {
      postId: due.postId,
      status: post?.status,
    });
    return;
  }
  for (let index = post.tweetIds.length; index < post.parts.length; index += 1) {
    const current: SocialPost | undefined = await socialPostRepository.find(due.postId);
    if (!current || current.status !== 'scheduled') return;
    post = current;
    const staleBefore = new Date(nowMs() - PART_CLAIM_LEASE_MS).toISOString();
    if (!(await socialPostRepository.claimPart(post.postId, index, nowIso(), staleBefore))) {
      // Another delivery is posting this part (or posted it a moment ago): never post it twice.
      throw new PartInFlightError(post.postId, index);
    }
    let outcome: Awaited<ReturnType<typeof postTweet>>;
    try {
      outcome = await postTweet(post.parts[index]!, index > 0 ? post.tweetIds[index - 1] : undefined);
    } catch (error) {
      await socialPostRepository.releasePart(post.postId, index);
      throw error;
    }
    if (outcome.kind === 'posted') {
      await socialPostRepository.recordPart(post.postId, index, outcome.tweetId, nowIso());
      post = { ...post, tweetIds: [...post.tweetIds, outcome.tweetId] };
      continue;
    }
    const base = { ...post, updatedAt: nowIso(), version: post.version + 1 };
    if (outcome.kind === 'rate_limited') {
      const next: SocialPost = {
        ...base,
        publishAt: outcome.resetAt.toISOString(),
        reason: `X's rate limit was reached; posting again at ${outcome.resetAt.toISOString()}, when X resets it.`,
      };
      try {
        await socialPostRepository.replace(next);
      } catch (error) {
        if (!(error instanceof WindowFullError)) throw error;
        const { reason: _r, ...was } = base;
        await socialPostRepository.replace({
          ...was,
          status: 'failed',
          error: `X's rate limit was reached, and at its reset (${outcome.resetAt.toISOString()}) the ${error.window.label}'s limit of ${error.window.limit} posts is full; it was not posted.`,
        });
        return;
      }
      await moveSchedule(post, next);
      logger.warn('Social post rate limited', { postId: post.postId, resetAt: next.publishAt });
      return;
    }
    const { reason: _reason, ...rest } = base;
    await socialPostRepository.replace({ ...rest, status: 'failed', error: outcome.message });
    logger.warn('Social post refused by X', { postId: post.postId, error: outcome.message });
    return;
  }
  const latest = await socialPostRepository.find(due.postId);
  if (!latest || latest.status !== 'scheduled') return;
  const { reason: _reason, ...rest } = latest;
  await socialPostRepository.replace({
    ...rest,
    status: 'published',
    publishedAt: nowIso(),
    updatedAt: nowIso(),
    version: latest.version + 1,
  });
};
