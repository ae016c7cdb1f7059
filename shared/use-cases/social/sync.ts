import { EventUpdated, type EventCancelled } from '../../../events';
import type { Parsed } from '../../bus/bus-event';
import { conferenceRepository } from '../../adapters/dynamo/conference-repository';
import { socialPostRepository, WindowFullError } from '../../adapters/dynamo/social-post-repository';
import { logger } from '../../adapters/observability';
import { deleteSchedule } from '../../adapters/scheduler';
import { nowIso, nowMs } from '../../clock';
import { offsetInstant, scheduleNameOf, type SocialPost } from '../../domain/social/post';
import { moveSchedule } from './schedule';

type ConferenceChange = Parsed<[typeof EventUpdated, typeof EventCancelled]>;

/**
 * Keeps an event's pending posts in line with it: offset posts move when the event or their session
 * moves (from the event as it is now, so late deliveries do no harm); cancelling the event cancels them.
 */
export const syncSocialPostsOnChange = async ({ contract, detail }: ConferenceChange): Promise<void> => {
  if (contract === EventUpdated && !('timesChanged' in detail && detail.timesChanged)) return;
  const eventId = detail.event.eventId;
  const found = await conferenceRepository.find(eventId);
  const cancelled = !found || found.conference.status === 'cancelled';
  const pending = (await socialPostRepository.listByEvent(eventId)).filter(
    (p) => p.status === 'scheduled' && (cancelled || p.offset),
  );
  for (const post of pending) {
    const base = { ...post, updatedAt: nowIso(), version: post.version + 1 };
    let next: SocialPost;
    if (cancelled) {
      next = { ...base, status: 'cancelled' };
    } else {
      const at = offsetInstant(found.conference, post.offset!);
      if (at?.toISOString() === post.publishAt) continue;
      if (!at || at.getTime() <= nowMs()) {
        next = {
          ...base,
          status: 'failed',
          error: at
            ? `The event moved, so this post's time (${at.toISOString()}) has passed; it was not posted.`
            : `The session ${post.offset!.from} this post counted from is no longer in the event; it was not posted.`,
        };
      } else {
        next = { ...base, publishAt: at.toISOString() };
      }
    }
    try {
      await socialPostRepository.replace(next);
    } catch (error) {
      if (!(error instanceof WindowFullError)) throw error;
      // Its new time has no room in X's limits: it is not posted, and says why.
      next = {
        ...base,
        status: 'failed',
        error: `The event moved, and at its new time (${error.at.toISOString()}) X's limit of ${error.window.limit} posts in any ${error.window.label} would be passed; it was not posted.`,
      };
      await socialPostRepository.replace(next);
    }
    if (next.status === 'scheduled') await moveSchedule(post, next);
    else await deleteSchedule(scheduleNameOf(post.postId));
    logger.info('Social post synced with its event', {
      postId: post.postId,
      status: next.status,
      publishAt: next.publishAt,
    });
  }
};
