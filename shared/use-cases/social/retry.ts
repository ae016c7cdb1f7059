import { SocialPostDue } from '../../../events';
import { StalePostError, socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { publish } from '../../adapters/bus';
import { now, nowIso } from '../../clock';
import { conflict } from '../../domain/errors';
import { retryOf } from '../../domain/social/retry';
import { viewOf } from '../../domain/social/post-api-view';
import { loadConference } from '../load-conference';
import { withinWindows } from './limits';
import { loadPost } from './load-post';

/**
 * Tries a failed post again now: it is scheduled for this moment and its due event goes on the bus at
 * once (as a schedule would put it there). A thread carries on from the first part X has not taken.
 * Two tries at once: one wins, the other is a 409, so the post is sent once.
 */
export const retrySocialPost = async (postId: string) => {
  const post = await loadPost(postId);
  const { conference } = await loadConference(post.eventId);
  if (conference.status === 'cancelled')
    throw conflict('event_cancelled', 'The event is cancelled, so its posts cannot be tried again.');
  const at = now();
  const next = retryOf(post, at, nowIso());
  try {
    await withinWindows(() => socialPostRepository.replace(next));
  } catch (error) {
    if (!(error instanceof StalePostError)) throw error;
    throw conflict('not_failed', 'The post changed while you were trying it again; look at it again.');
  }
  try {
    await publish(SocialPostDue, { postId, eventId: post.eventId, publishAt: next.publishAt });
  } catch (error) {
    // Nothing went on the bus: the post is failed again, as it was, so it can be tried once more.
    await socialPostRepository.replace({ ...post, updatedAt: nowIso(), version: next.version + 1 });
    throw error;
  }
  return viewOf(next, conference.timezone);
};
