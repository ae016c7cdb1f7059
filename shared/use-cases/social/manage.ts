import { socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { deleteSchedule } from '../../adapters/scheduler';
import type { CreateSocialPostRequest, UpdateSocialPostRequest } from '../../api/social-schemas';
import { now, nowIso } from '../../clock';
import type { Conference } from '../../domain/conference';
import { conflict, invalid } from '../../domain/errors';
import { newId } from '../../domain/ids';
import {
  checkParts,
  offsetInstant,
  scheduleNameOf,
  viewOf,
  type PostOffset,
  type SocialPost,
} from '../../domain/social/post';
import { eventTimeToInstant } from '../../domain/wall-clock';
import { loadConference } from '../load-conference';
import { checkWindowLimits } from './limits';
import { loadPost } from './load-post';
import { schedulePost } from './schedule';

const notPast = (at: Date, path: string): void => {
  if (at.getTime() <= now().getTime())
    throw invalid([{ path, message: `${at.toISOString()} is in the past; it is ${nowIso()} now` }]);
};

const resolveOffset = (conference: Conference, offset: PostOffset): Date => {
  const at = offsetInstant(conference, offset);
  if (!at) throw invalid([{ path: 'offset.from', message: `The event has no session ${offset.from}` }]);
  return at;
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
  const weightedLength = checkParts(parts, request.thread ? 'thread' : 'text');
  const at = request.offset
    ? resolveOffset(conference, request.offset)
    : resolvePublishAt(conference, request.publishAt ?? '');
  notPast(at, request.offset ? 'offset' : 'publishAt');
  await checkWindowLimits(at, parts.length);
  const createdAt = nowIso();
  const post: SocialPost = {
    postId: newId('post'),
    eventId,
    parts,
    status: 'scheduled',
    publishAt: at.toISOString(),
    ...(request.offset ? { offset: request.offset } : {}),
    tweetIds: [],
    createdAt,
    updatedAt: createdAt,
    version: 1,
  };
  await socialPostRepository.create(post);
  await schedulePost(post);
  const { publishAtLocal, follows } = viewOf(post, conference.timezone);
  return {
    postId: post.postId,
    status: 'scheduled' as const,
    publishAt: post.publishAt,
    publishAtLocal,
    follows,
    weightedLength,
  };
};

export const updateSocialPost = async (postId: string, request: UpdateSocialPostRequest) => {
  const post = await loadPost(postId);
  if (post.status !== 'scheduled' || post.tweetIds.length > 0)
    throw conflict(
      'not_editable',
      `The post is ${post.status === 'scheduled' ? 'being posted' : post.status}; only a scheduled post can be changed.`,
    );
  const parts = request.thread ?? (request.text === undefined ? post.parts : [request.text]);
  if (request.thread || request.text !== undefined) checkParts(parts, request.thread ? 'thread' : 'text');
  const { conference } = await loadConference(post.eventId);
  const at = request.offset
    ? resolveOffset(conference, request.offset)
    : request.publishAt
      ? resolvePublishAt(conference, request.publishAt)
      : new Date(post.publishAt);
  const moved = request.offset !== undefined || request.publishAt !== undefined;
  if (moved) notPast(at, request.offset ? 'offset' : 'publishAt');
  if (moved || parts.length !== post.parts.length) await checkWindowLimits(at, parts.length, postId);
  // A time of its own ends following the event; a new offset follows it again.
  const { offset: _offset, ...rest } = post;
  const next: SocialPost = {
    ...(request.publishAt ? rest : post),
    ...(request.offset ? { offset: request.offset } : {}),
    parts,
    publishAt: at.toISOString(),
    updatedAt: nowIso(),
    version: post.version + 1,
  };
  await socialPostRepository.replace(next);
  if (next.publishAt !== post.publishAt) await schedulePost(next);
  return viewOf(next, conference.timezone);
};

export const cancelSocialPost = async (postId: string) => {
  const post = await loadPost(postId);
  const { conference } = await loadConference(post.eventId);
  if (post.status === 'cancelled') return viewOf(post, conference.timezone);
  if (post.status !== 'scheduled')
    throw conflict('not_cancellable', `The post is ${post.status} already; it cannot be cancelled.`);
  const next: SocialPost = { ...post, status: 'cancelled', updatedAt: nowIso(), version: post.version + 1 };
  await socialPostRepository.replace(next);
  await deleteSchedule(scheduleNameOf(postId));
  return viewOf(next, conference.timezone);
};
