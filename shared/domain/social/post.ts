export type SocialPostStatus = 'scheduled' | 'published' | 'failed' | 'cancelled';

/** `from` an event's start or end, or a session id (its start). */
export interface PostOffset {
  readonly from: string;
  readonly minutes: number;
}

export interface SocialPost {
  readonly postId: string;
  readonly eventId: string;
  /** One part for a post, several for a thread (posted as replies, in order). */
  readonly parts: readonly string[];
  /**
   * Each part's weighted length as X counts it, counted when the parts were written (post-parts.ts), so
   * what only shows a post does not bundle X's counting rules.
   */
  readonly weightedLengths: readonly number[];
  readonly status: SocialPostStatus;
  /** When it goes (or, after a 429, when X lets it go). */
  readonly publishAt: string;
  readonly offset?: PostOffset;
  /** Tweet id of each part posted so far, in order; recorded before the next part goes. */
  readonly tweetIds: readonly string[];
  /** Why a scheduled post waits (rate limit), for people. */
  readonly reason?: string;
  /** Why it failed, for people. */
  readonly error?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly publishedAt?: string;
  readonly version: number;
}

/** The times an offset can count from. */
export interface EventTimes {
  readonly startsAt: string;
  readonly endsAt: string;
  readonly sessions: readonly { readonly id: string; readonly startsAt: string }[];
}

/** The instant an offset names, or undefined where its session no longer exists. */
export const offsetInstant = (times: EventTimes, offset: PostOffset): Date | undefined => {
  const base =
    offset.from === 'start'
      ? times.startsAt
      : offset.from === 'end'
        ? times.endsAt
        : times.sessions.find((s) => s.id === offset.from)?.startsAt;
  return base === undefined ? undefined : new Date(new Date(base).getTime() + offset.minutes * 60_000);
};

export const scheduleNameOf = (postId: string): string => `post-${postId}`;

/** A scheduled post's tweets, at its time: what window limits count. */
export interface Slot {
  readonly postId: string;
  readonly at: number;
  readonly tweets: number;
}

export interface WindowLimit {
  readonly label: string;
  readonly windowMs: number;
  readonly limit: number;
}

/**
 * The first limit that `tweets` more at `at` would break, counting every window of its length that holds
 * `at`: the fullest such window starts at `at` or at one of the slots before it.
 */
export const brokenLimit = (
  slots: readonly Slot[],
  at: number,
  tweets: number,
  limits: readonly WindowLimit[],
): (WindowLimit & { already: number }) | undefined => {
  for (const l of limits) {
    const starts = [at, ...slots.filter((s) => s.at <= at && s.at > at - l.windowMs).map((s) => s.at)];
    for (const start of starts) {
      const already = slots
        .filter((s) => s.at >= start && s.at < start + l.windowMs)
        .reduce((n, s) => n + s.tweets, 0);
      if (already + tweets > l.limit) return { ...l, already };
    }
  }
  return undefined;
};
