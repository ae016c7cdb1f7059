import { conflict } from '../errors';
import type { SocialPost } from './post';

/**
 * A failed post scheduled again to go at `at`. The tweet ids X gave stay, so the publisher carries a
 * thread on from the first part X has not taken and never posts a part twice. The post now has a time
 * of its own (it no longer moves with the event), and X's error goes with the failure it described.
 */
export const retryOf = (post: SocialPost, at: Date, updatedAt: string): SocialPost => {
  if (post.status !== 'failed')
    throw conflict('not_failed', `The post is ${post.status}; only a failed post can be tried again.`);
  const { error: _error, reason: _reason, offset: _offset, ...rest } = post;
  return {
    ...rest,
    status: 'scheduled',
    publishAt: at.toISOString(),
    updatedAt,
    version: post.version + 1,
  };
};
