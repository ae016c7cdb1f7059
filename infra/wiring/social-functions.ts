import { EventCancelled, EventUpdated, SocialPostDue } from '../../events';
import type { FunctionSpec } from './types';

/** Social posts: the comms team's posts and threads to X, each on its own one-time schedule. */
export const socialFunctions = {
  createSocialPost: {
    entry: 'create-social-post',
    description: 'Checks a post or thread (weighted length, window limits) and schedules it',
    trigger: { kind: 'http', method: 'POST', path: '/events/{eventId}/social-posts', auth: 'comms' },
    access: { table: 'readWrite', scheduler: 'manage' },
    // Posts at one moment contend for X's window counters; conflicts are retried with backoff.
    timeoutSeconds: 29,
  },
  listSocialPosts: {
    entry: 'list-social-posts',
    description: "Lists an event's posts with their status and tweet ids",
    trigger: { kind: 'http', method: 'GET', path: '/events/{eventId}/social-posts', auth: 'comms' },
    access: { table: 'read' },
  },
  updateSocialPost: {
    entry: 'update-social-post',
    description: 'Edits or reschedules a post not yet posted',
    trigger: { kind: 'http', method: 'PATCH', path: '/social-posts/{postId}', auth: 'comms' },
    access: { table: 'readWrite', scheduler: 'manage' },
  },
  cancelSocialPost: {
    entry: 'cancel-social-post',
    description: 'Cancels a scheduled post: its schedule goes',
    trigger: { kind: 'http', method: 'DELETE', path: '/social-posts/{postId}', auth: 'comms' },
    access: { table: 'readWrite', scheduler: 'manage' },
  },
  retrySocialPost: {
    entry: 'retry-social-post',
    description: 'Tries a failed post again now, carrying a thread on from the first part X has not taken',
    trigger: { kind: 'http', method: 'POST', path: '/social-posts/{postId}/retry', auth: 'comms' },
    access: { table: 'readWrite', bus: 'put' },
  },
  publishSocialPost: {
    entry: 'publish-social-post',
    description: 'Posts a due post or thread to X, part by part, resuming where a retry finds it',
    trigger: { kind: 'event', events: [SocialPostDue] },
    access: { table: 'readWrite', scheduler: 'manage', xCredentials: 'read' },
    // A thread of 25 parts, each one round trip to X.
    timeoutSeconds: 120,
  },
  syncSocialPosts: {
    entry: 'sync-social-posts',
    description: 'Moves offset posts with their event or session; cancelling the event cancels its posts',
    trigger: { kind: 'event', events: [EventUpdated, EventCancelled] },
    access: { table: 'readWrite', scheduler: 'manage' },
    timeoutSeconds: 60,
  },
} as const satisfies Record<string, FunctionSpec>;
