import type { viewOf } from '../../domain/social/post-api-view';
import { postLinks, tweetUrl } from './post-links';
import { describeOffset, postMoment, type TimingAnchors } from './post-timing';

/** A post as the JSON API shows it (GET /events/{eventId}/social-posts). */
export type PostView = ReturnType<typeof viewOf>;

/** GOV.UK tag of a post's state, in words for the comms team. */
export const statusTag = (post: PostView, at: Date): { text: string; classes: string } => {
  if (post.status === 'published') return { text: 'Posted', classes: 'govuk-tag--green' };
  if (post.status === 'failed') return { text: 'Failed', classes: 'govuk-tag--red' };
  if (post.status === 'cancelled') return { text: 'Cancelled', classes: 'govuk-tag--grey' };
  if (post.reason) return { text: 'Waiting for X', classes: 'govuk-tag--yellow' };
  if (post.tweetIds.length > 0 || new Date(post.publishAt) <= at)
    return { text: 'Posting now', classes: 'govuk-tag--light-blue' };
  return { text: 'Scheduled', classes: 'govuk-tag--blue' };
};

/** Only a scheduled post that X has none of can change: the same rule the API's PATCH applies. */
export const isEditable = (post: PostView): boolean =>
  post.status === 'scheduled' && post.tweetIds.length === 0;

const SUMMARY_LENGTH = 70;

/** The first part on one line, cut at a word near SUMMARY_LENGTH characters. */
export const summaryOf = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= SUMMARY_LENGTH) return line;
  const cut = line.slice(0, SUMMARY_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > SUMMARY_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

/** The list's rows: every post in the order it goes, with its time in the event's zone. */
export const postRows = (posts: readonly PostView[], anchors: TimingAnchors, at: Date) =>
  [...posts]
    .sort((a, b) => a.publishAt.localeCompare(b.publishAt))
    .map((post) => ({
      url: postLinks.post(post.eventId, post.postId),
      summary: summaryOf(post.thread[0] ?? ''),
      parts: post.thread.length,
      when: postMoment(post.publishedAt ?? post.publishAt, anchors.timezone),
      follows:
        post.follows && post.status === 'scheduled' ? describeOffset(post.follows, anchors) : undefined,
      tag: statusTag(post, at),
      error: post.error,
    }));

/** One post's page: its state, time, progress through a thread and what went wrong. */
export const postDetail = (post: PostView, anchors: TimingAnchors, at: Date) => ({
  tag: statusTag(post, at),
  posted: post.status === 'published',
  when: postMoment(post.publishedAt ?? post.publishAt, anchors.timezone),
  follows: post.follows && post.status === 'scheduled' ? describeOffset(post.follows, anchors) : undefined,
  progress:
    post.thread.length > 1 && post.tweetIds.length > 0 && post.status !== 'published'
      ? `X has ${post.tweetIds.length} of the ${post.thread.length} parts`
      : undefined,
  reason: post.reason,
  error: post.error,
  parts: post.thread.map((text, i) => ({
    text,
    url: post.tweetIds[i] === undefined ? undefined : tweetUrl(post.tweetIds[i]),
  })),
});

/** What "Try again" will do, said before it is pressed. */
export const retryNote = (post: PostView): string => {
  const taken = post.tweetIds.length;
  if (taken === 0) return post.thread.length > 1 ? 'Convene posts the thread now.' : 'Convene posts it now.';
  return `Convene posts the rest of the thread now, from part ${taken + 1}. X already has ${
    taken === 1 ? 'part 1' : `parts 1 to ${taken}`
  }, so ${taken === 1 ? 'it is' : 'they are'} not posted again.`;
};
