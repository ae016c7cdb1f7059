import * as z from '../zod';
import { pathId } from './common';
import { eventTime, localTime } from './time-schemas';

/** Parts are checked for emptiness and weighted length by the domain (400 `too_long` names the part). */
const part = z.string().check(z.maxLength(4000));

const offset = z
  .strictObject({
    from: z.union([z.literal('start'), z.literal('end'), pathId]),
    minutes: z.number().check(z.int(), z.gte(-525_600), z.lte(525_600)),
  })
  .check(z.meta({ id: 'SocialPostOffset' }));

const follows = z
  .nullable(offset)
  .check(
    z.describe(
      'The offset the post moves with when the event or session moves; null when it has a time of its own',
    ),
  );

/** POST /events/{eventId}/social-posts: `{text}` or `{thread}`, and `publishAt` or `offset`. */
export const createSocialPostRequest = z
  .strictObject({
    text: z.optional(part),
    thread: z.optional(z.array(part).check(z.maxLength(100))),
    publishAt: z.optional(eventTime),
    offset: z.optional(offset),
  })
  .check(
    z.superRefine((v, ctx) => {
      if ((v.text === undefined) === (v.thread === undefined))
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'Send either text or thread' });
      if ((v.publishAt === undefined) === (v.offset === undefined))
        ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Send either publishAt or offset' });
    }),
  )
  .check(z.meta({ id: 'CreateSocialPostRequest' }));
export type CreateSocialPostRequest = z.infer<typeof createSocialPostRequest>;

/** PATCH /social-posts/{postId}. */
export const updateSocialPostRequest = z
  .strictObject({
    text: z.optional(part),
    thread: z.optional(z.array(part).check(z.maxLength(100))),
    publishAt: z.optional(eventTime),
    offset: z
      .optional(offset)
      .check(z.describe('Follow the event again: the post moves with its start, end or session')),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.text !== undefined && v.thread !== undefined)
        ctx.addIssue({ code: 'custom', path: ['text'], message: 'Send text or thread, not both' });
      if (v.publishAt !== undefined && v.offset !== undefined)
        ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Send publishAt or offset, not both' });
    }),
  )
  .check(z.meta({ id: 'UpdateSocialPostRequest' }));
export type UpdateSocialPostRequest = z.infer<typeof updateSocialPostRequest>;

export const socialPostPath = z.strictObject({ postId: pathId });

export const createSocialPostResponse = z
  .object({
    postId: z.string(),
    status: z.literal('scheduled'),
    publishAt: z.string(),
    publishAtLocal: localTime,
    follows,
    weightedLength: z.array(z.number().check(z.int())),
  })
  .check(z.meta({ id: 'CreateSocialPostResponse' }));

export const socialPostView = z
  .object({
    postId: z.string(),
    eventId: z.string(),
    status: z.enum(['scheduled', 'published', 'failed', 'cancelled']),
    publishAt: z.string(),
    publishAtLocal: localTime,
    follows,
    offset: z.optional(offset),
    text: z.optional(z.string()),
    thread: z.array(z.string()),
    weightedLength: z.array(z.number().check(z.int())),
    tweetIds: z.array(z.string()),
    reason: z.optional(z.string()),
    error: z.optional(z.string()),
    publishedAt: z.optional(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .check(z.meta({ id: 'SocialPost' }));

export const socialPostList = z
  .object({ posts: z.array(socialPostView) })
  .check(z.meta({ id: 'SocialPostList' }));
