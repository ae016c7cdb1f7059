import { StalePostError, socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { deleteSchedule } from '../../adapters/scheduler';
import type { CreateSocialPostRequest, UpdateSocialPostRequest } from '../../api/social-schemas';
import { now, nowIso } from '../../clock';
import type { Conference } from '../../domain/conference';
import { conflict, invalid } from '../../domain/errors';
import { newId } from '../../domain/ids';
import { offsetInstant, scheduleNameOf, type PostOffset, type SocialPost } from '../../domain/social/post';
import { checkParts } from '../../domain/social/post-parts';
import { viewOf } from '../../domain/social/post-api-view';
import { scheduledTimeProblem } from '../../domain/limits/bounds';
import { eventTimeToInstant } from '../../domain/wall-clock';
import { loadConference } from '../load-conference';
import { withinWindows } from './limits';
import { loadPost } from './load-post';
import { moveSchedule, schedulePost } from './schedule';

const notPast = (at: Date, path: string): void => {
  if (Number.isFinite(at.getTime()) && at.getTime() <= now().getTime())
    throw invalid([{ path, message: `${at.toISOString()} is in the past; it is ${nowIso()} now` }]);
};

/** A time within the event's reach (after now, up to a year after it ends), or a 400 naming the range. */
const withinReach = (conference: Conference, at: Date, path: string, what: string): void => {
  const outside = scheduledTimeProblem(at, now(), new Date(conference.endsAt), path, what);
  if (outside) throw invalid([outside]);
};

const resolveOffset = (conference: Conference, offset: PostOffset): Date => {
  const at = offsetInstant(conference, offset);
  if (!at) throw invalid([{ path: 'offset.from', message: `The event has no session ${offset.from}` }]);
  return at;
};

/** Past times keep their own words; then the event's reach. */
const checkTime = (conference: Conference, at: Date, byOffset: boolean): void => {
  notPast(at, byOffset ? 'offset' : 'publishAt');
  withinReach(
    conference,
    at,
    byOffset ? 'offset.minutes' : 'publishAt',
    byOffset ? "The offset's time" : 'publishAt',
  );
};

/** `publishAt` as sent: wall-clock in the event's zone or an instant with an offset. */
const resolvePublishAt = (conference: Conference, publishAt: string): Date => {
  const converted = eventTimeToInstant(publishAt, conference.timezone, 'publishAt');
  if (!converted.ok) throw invalid([converted.problem]);
  return converted.instant;
};

export const createSocialPost = async (eventId: string, request: CreateSocialPostRequest) => {
  const { conference } = await loadConference(eventId);
  if (conference.status === 'cancelled')
    throw conflict('event_cancelled', 'The event is cancelled, so no posts can be scheduled for it.');
  const parts = request.thread ?? [request.text ?? ''];
  const weightedLengths = checkParts(parts, request.thread ? 'thread' : 'text');
  const at = request.offset
    ? resolveOffset(conference, request.offset)
    : resolvePublishAt(conference, request.publishAt ?? '');
  checkTime(conference, at, request.offset !== undefined);
  const createdAt = nowIso();
  const post: SocialPost = {
    postId: newId('post'),
    eventId,
    parts,
    weightedLengths,
    status: 'scheduled',
    publishAt: at.toISOString(),
    ...(request.offset ? { offset: request.offset } : {}),
    tweetIds: [],
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  // Its schedule first: a schedule without its post fires into nothing, a post without its schedule never
  // goes. Should the post not be written (a full window, a failure), its schedule is taken back.
  await schedulePost(post);
  try {
    await withinWindows(() => socialPostRepository.create(post));
  } catch (error) {
    await deleteSchedule(scheduleNameOf(post.postId));
    throw error;
  }
  const { publishAtLocal, follows } = viewOf(post, conference.timezone);
  return {
    postId: post.postId,
    status: 'scheduled' as const,
    publishAt: post.publishAt,
    publishAtLocal,
    follows,
    weightedLength: weightedLengths,
  };
};

export const updateSocialPost = async (postId: string, request: UpdateSocialPostRequest) => {
  const post = await loadPost(postId);
  if (post.status !== 'scheduled' || post.tweetIds.length > 0)
    throw conflict(
      'not_editable',
      `The post is ${post.status === 'scheduled' ? 'being posted' : post.status}; only a scheduled post can be changed.`,
    );
  const rewritten = request.thread !== undefined || request.text !== undefined;
  const parts = request.thread ?? (request.text === undefined ? post.parts : [request.text]);
  const weightedLengths = rewritten
    ? checkParts(parts, request.thread ? 'thread' : 'text')
    : post.weightedLengths;
  const { conference } = await loadConference(post.eventId);
  const at = request.offset
    ? resolveOffset(conference, request.offset)
    : request.publishAt
      ? resolvePublishAt(conference, request.publishAt)
      : new Date(post.publishAt);
  const moved = request.offset !== undefined || request.publishAt !== undefined;
  if (moved) checkTime(conference, at, request.offset !== undefined);
  // A time of its own ends following the event; a new offset follows it again.
  const { offset: _offset, ...rest } = post;
  const next: SocialPost = {
    ...(request.publishAt ? rest : post),
    ...(request.offset ? { offset: request.offset } : {}),
    parts,
    weightedLengths,
    publishAt: at.toISOString(),
    updatedAt: nowIso(),
    version: post.version + 1,
  };
  try {
    await withinWindows(() => socialPostRepository.replace(next));
  } catch (error) {
    if (!(error instanceof StalePostError)) throw error;
    throw conflict('post_changed', 'The post changed while you were changing it; look at it again.');
  }
  if (next.publishAt !== post.publishAt) await moveSchedule(post, next);
  return viewOf(next, conference.timezone);
};
