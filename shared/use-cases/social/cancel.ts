import { StalePostError, socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { deleteSchedule } from '../../adapters/scheduler';
import { nowIso } from '../../clock';
import { conflict } from '../../domain/errors';
import { scheduleNameOf, type SocialPost } from '../../domain/social/post';
import { viewOf } from '../../domain/social/post-api-view';
import { loadConference } from '../load-conference';
import { loadPost } from './load-post';

// Apart from creating and changing a post (manage.ts), which count its parts: cancelling never does, so
// its function does not bundle X's counting rules.

/** Cancelling twice, or twice at once, is the same as once: the loser of a race reads the post again. */
export const cancelSocialPost = async (postId: string) => {
  for (let attempt = 1; ; attempt += 1) {
    const post = await loadPost(postId);
    const { conference } = await loadConference(post.eventId);
    if (post.status === 'cancelled') return viewOf(post, conference.timezone);
    if (post.status !== 'scheduled')
      throw conflict('not_cancellable', `The post is ${post.status} already; it cannot be cancelled.`);
    const next: SocialPost = { ...post, status: 'cancelled', updatedAt: nowIso(), version: post.version + 1 };
    try {
      await socialPostRepository.replace(next);
    } catch (error) {
      if (error instanceof StalePostError && attempt < CANCEL_ATTEMPTS) continue;
      throw error;
    }
    await deleteSchedule(scheduleNameOf(postId));
    return viewOf(next, conference.timezone);
  }
};

const CANCEL_ATTEMPTS = 5;
