import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../../shared/domain/errors';
import { brokenLimit, offsetInstant } from '../../../shared/domain/social/post';
import { checkParts, weightedLengths } from '../../../shared/domain/social/post-parts';

describe('weighted length', () => {
  it('counts a URL as 23 and an emoji as 2, as X does', () => {
    expect(weightedLengths(['Hello', `See https://example.org/${'x'.repeat(100)}`, '🎉🎉'])).toEqual([
      5, 27, 4,
    ]);
  });

  it('names the part that is too long and its weighted length', () => {
    const long = `${'a'.repeat(270)} 🎉🎉🎉🎉🎉`;
    try {
      checkParts(['fine', long], 'thread');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'too_long', details: [{ path: 'thread.1' }] });
      expect((error as Error).message).toMatch(/Part 2 is 281/);
    }
  });

  it('refuses empty parts and more than 25', () => {
    expect(() => checkParts([''], 'text')).toThrow(DomainError);
    let refused: unknown;
    try {
      checkParts(
        Array.from({ length: 26 }, () => 'x'),
        'thread',
      );
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({
      details: [{ path: 'thread', message: 'A thread has at most 25 parts' }],
    });
  });
});

describe('offsets', () => {
  const times = {
    startsAt: '2027-04-01T08:00:00.000Z',
    endsAt: '2027-04-01T15:30:00.000Z',
    sessions: [{ id: 'keynote', startsAt: '2027-04-01T08:30:00.000Z' }],
  };
  it('count from the start, the end or a session', () => {
    expect(offsetInstant(times, { from: 'start', minutes: -10 })?.toISOString()).toBe(
      '2027-04-01T07:50:00.000Z',
    );
    expect(offsetInstant(times, { from: 'end', minutes: 60 })?.toISOString()).toBe(
      '2027-04-01T16:30:00.000Z',
    );
    expect(offsetInstant(times, { from: 'keynote', minutes: -10 })?.toISOString()).toBe(
      '2027-04-01T08:20:00.000Z',
    );
    expect(offsetInstant(times, { from: 'gone', minutes: 0 })).toBeUndefined();
  });
});

describe('window limits', () => {
  const limits = [{ label: '15 minutes', windowMs: 15 * 60_000, limit: 5 }];
  const slot = (minute: number, tweets: number) => ({ postId: `p${minute}`, at: minute * 60_000, tweets });

  it('counts every window holding the new post, before and after it', () => {
    expect(brokenLimit([slot(0, 3)], 10 * 60_000, 2, limits)).toBeUndefined();
    expect(brokenLimit([slot(0, 3)], 10 * 60_000, 3, limits)).toMatchObject({ already: 3 });
    expect(brokenLimit([slot(20, 4)], 10 * 60_000, 2, limits)).toMatchObject({ already: 4 });
    expect(brokenLimit([slot(0, 3), slot(20, 3)], 10 * 60_000, 2, limits)).toBeUndefined();
    expect(brokenLimit([slot(0, 4)], 15 * 60_000, 5, limits)).toBeUndefined();
  });
});
