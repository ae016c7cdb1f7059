import { SocialPostDue } from '../../../events';
import { upsertSchedule } from '../../adapters/scheduler';
import { scheduleNameOf, type SocialPost } from '../../domain/social/post';

/** Puts the post's one-time schedule at its `publishAt` (created, or moved). */
export const schedulePost = (post: SocialPost): Promise<void> =>
  upsertSchedule(scheduleNameOf(post.postId), new Date(post.publishAt), SocialPostDue, {
    postId: post.postId,
    eventId: post.eventId,
    publishAt: post.publishAt,
  });
