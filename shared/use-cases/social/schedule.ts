import { SocialPostDue } from '../../../events';
import { socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { upsertSchedule } from '../../adapters/scheduler';
import { scheduleNameOf, type SocialPost } from '../../domain/social/post';

/** Puts the post's one-time schedule at its `publishAt` (created, or moved). */
export const schedulePost = (post: SocialPost): Promise<void> =>
  upsertSchedule(scheduleNameOf(post.postId), new Date(post.publishAt), SocialPostDue, {
    postId: post.postId,
    eventId: post.eventId,
    publishAt: post.publishAt,
  });

/**
 * Moves the schedule of a post just written at a new time (`next`, one version on from `was`). Should
 * the schedule not move, the post goes back to where it was (a version on again), so its time and its
 * schedule never disagree; the error is thrown for the caller to retry.
 */
export const moveSchedule = async (was: SocialPost, next: SocialPost): Promise<void> => {
  try {
    await schedulePost(next);
  } catch (error) {
    await socialPostRepository.replace({ ...was, updatedAt: next.updatedAt, version: next.version + 1 });
    throw error;
  }
};
