import * as z from 'zod';
import { pathId } from './common';
import { eventTime, localTime } from './time-schemas';

/** Parts are checked for emptiness and weighted length by the domain (400 `too_long` names the part). */
const part = z.string().max(4000);

const offset = z
  .strictObject({
    from: z.union([z.literal('start'), z.literal('end'), pathId]),
    minutes: z.number().int().min(-525_600).max(525_600),
  })
  .meta({ id: 'SocialPostOffset' });

const follows = offset
  .nullable()
  .describe(
    'The offset the post moves with when the event or session moves; null when it has a time of its own',
  );

/** POST /events/{eventId}/social-posts: `{text}` or `{thread}`, and `publishAt` or `offset`. */
export const createSocialPostRequest = z
  .object({
    text: part.optional(),
    thread: z.array(part).max(100).optional(),
    publishAt: eventTime.optional(),
    offset: offset.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.text === undefined) === (v.thread === undefined))
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Send either text or thread' });
    if ((v.publishAt === undefined) === (v.offset === undefined))
      ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Send either publishAt or offset' });
  })
  .meta({ id: 'CreateSocialPostRequest' });
export type CreateSocialPostRequest = z.infer<typeof createSocialPostRequest>;

/** PATCH /social-posts/{postId}. */
export const updateSocialPostRequest = z
  .object({
    text: part.optional(),
    thread: z.array(part).max(100).optional(),
    publishAt: eventTime.optional(),
    offset: offset
      .optional()
      .describe('Follow the event again: the post moves with its start, end or session'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.text !== undefined && v.thread !== undefined)
      ctx.addIssue({ code: 'custom', path: ['text'], message: 'Send text or thread, not both' });
    if (v.publishAt !== undefined && v.offset !== undefined)
      ctx.addIssue({ code: 'custom', path: ['publishAt'], message: 'Send publishAt or offset, not both' });
  })
  .meta({ id: 'UpdateSocialPostRequest' });
export type UpdateSocialPostRequest = z.infer<typeof updateSocialPostRequest>;

export const socialPostPath = z.strictObject({ postId: pathId });

export const createSocialPostResponse = z
  .object({
    postId: z.string(),
    status: z.literal('scheduled'),
    publishAt: z.string(),
    publishAtLocal: localTime,
    follows,
    weightedLength: z.array(z.number().int()),
  })
  .meta({ id: 'CreateSocialPostResponse' });

export const socialPostView = z
  .object({
    postId: z.string(),
    eventId: z.string(),
    status: z.enum(['scheduled', 'published', 'failed', 'cancelled']),
    publishAt: z.string(),
    publishAtLocal: localTime,
    follows,
    offset: offset.optional(),
    text: z.string().optional(),
    thread: z.array(z.string()),
    weightedLength: z.array(z.number().int()),
    tweetIds: z.array(z.string()),
    reason: z.string().optional(),
    error: z.string().optional(),
    publishedAt: z.string().optional(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'SocialPost' });

export const socialPostList = z.object({ posts: z.array(socialPostView) }).meta({ id: 'SocialPostList' });
