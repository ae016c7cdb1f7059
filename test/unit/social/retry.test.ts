import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../shared/domain/errors';
import type { SocialPost } from '../../../shared/domain/social/post';
import { retryOf } from '../../../shared/domain/social/retry';

const failedThread: SocialPost = {
  postId: 'post_1',
  eventId: 'evt_1',
  parts: ['One', 'Two', 'Three'],
  weightedLengths: [3, 3, 5],
  status: 'failed',
  publishAt: '2027-04-01T08:30:00.000Z',
  offset: { from: 'start', minutes: -30 },
  tweetIds: ['1001'],
  error: 'X refused this post because the account has already posted the same text.',
  createdAt: '2027-03-01T10:00:00.000Z',
  updatedAt: '2027-04-01T08:30:01.000Z',
  version: 4,
};

describe('trying a failed post again', () => {
  it('schedules it for now and keeps the parts X took, so the thread carries on after them', () => {
    const at = new Date('2027-04-01T09:12:00.000Z');

    const next = retryOf(failedThread, at, at.toISOString());

    expect(next).toMatchObject({
      status: 'scheduled',
      publishAt: '2027-04-01T09:12:00.000Z',
      tweetIds: ['1001'],
      parts: ['One', 'Two', 'Three'],
      version: 5,
    });
  });

  it("drops X's error and the offset: the post now has a time of its own", () => {
    const next = retryOf(failedThread, new Date('2027-04-01T09:12:00.000Z'), '2027-04-01T09:12:00.000Z');

    expect(next.error).toBeUndefined();
    expect(next.offset).toBeUndefined();
  });

  it.each(['scheduled', 'published', 'cancelled'] as const)(
    'refuses a %s post with 409 not_failed',
    (status) => {
      const attempt = () => retryOf({ ...failedThread, status }, new Date(), new Date().toISOString());

      expect(attempt).toThrow(DomainError);
      expect(attempt).toThrow(expect.objectContaining({ kind: 'conflict', code: 'not_failed' }));
    },
  );
});
