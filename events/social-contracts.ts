import * as z from '../shared/zod';
import { defineEvent, type EventContract } from './contract';
import { Sources } from './sources';

/**
 * A scheduled social post is due: put on the bus by its one-time schedule. `publishAt` tells a schedule
 * that still stands from one moved or replaced since (the poster then does nothing). Ids only.
 */
export const SocialPostDue = defineEvent(
  Sources.social,
  'Social Post Due',
  z.object({
    postId: z.string().check(z.minLength(1)),
    eventId: z.string().check(z.minLength(1)),
    publishAt: z.iso.datetime(),
  }),
  'social-post-due.json',
);
export type SocialPostDue = z.infer<typeof SocialPostDue.schema>;

/** The social area's bus events; each one is also exported by name from here. */
export const socialContracts: readonly EventContract[] = [SocialPostDue];
