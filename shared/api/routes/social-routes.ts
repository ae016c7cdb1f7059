import {
  createSocialPostRequest,
  createSocialPostResponse,
  socialPostList,
  socialPostView,
  updateSocialPostRequest,
} from '../social-schemas';
import type { RouteDoc } from './route-doc';

/** The social area's routes: the comms team's posts and threads to X. */
export const socialRoutes: readonly RouteDoc[] = [
  {
    method: 'POST',
    path: '/events/{eventId}/social-posts',
    summary: 'Schedule a post or thread to X at publishAt or at an offset from the event or a session',
    body: createSocialPostRequest,
    success: { status: 201, schema: createSocialPostResponse, description: 'Scheduled' },
    errors: [404, 409],
  },
  {
    method: 'GET',
    path: '/events/{eventId}/social-posts',
    summary: "The event's posts with status, publishAt, tweet ids and any error",
    success: { status: 200, schema: socialPostList, description: 'The posts, oldest first' },
    errors: [404],
  },
  {
    method: 'PATCH',
    path: '/social-posts/{postId}',
    summary: 'Edit or reschedule a post that has not been posted',
    body: updateSocialPostRequest,
    success: { status: 200, schema: socialPostView, description: 'The post as changed' },
    errors: [404, 409],
  },
  {
    method: 'DELETE',
    path: '/social-posts/{postId}',
    summary: 'Cancel a scheduled post (idempotent)',
    success: { status: 200, schema: socialPostView, description: 'Cancelled' },
    errors: [404, 409],
  },
  {
    method: 'POST',
    path: '/social-posts/{postId}/retry',
    summary:
      'Try a failed post or thread again now; a thread carries on from the first part X has not taken, so no part is posted twice. 409 `not_failed` for a post that has not failed',
    success: {
      status: 202,
      schema: socialPostView,
      description: 'Scheduled to go now (status "scheduled"); it is posted in the background',
    },
    errors: [404, 409],
  },
];
