import { instantToWallClock } from '../wall-clock';
import type { SocialPost } from './post';

/**
 * What the API shows of a post, its time also as wall-clock in the event's zone; `follows` is the
 * offset the post moves with, null once it was given a time of its own.
 */
export const viewOf = (p: SocialPost, zone: string) => ({
  postId: p.postId,
  eventId: p.eventId,
  status: p.status,
  publishAt: p.publishAt,
  publishAtLocal: instantToWallClock(p.publishAt, zone),
  follows: p.offset ?? null,
  ...(p.offset ? { offset: p.offset } : {}),
  ...(p.parts.length === 1 ? { text: p.parts[0] } : {}),
  thread: p.parts,
  weightedLength: p.weightedLengths,
  tweetIds: p.tweetIds,
  ...(p.reason ? { reason: p.reason } : {}),
  ...(p.error ? { error: p.error } : {}),
  ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
  createdAt: p.createdAt,
  updatedAt: p.updatedAt,
});
