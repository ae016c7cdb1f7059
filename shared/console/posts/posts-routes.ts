import type { ConsoleRoutes } from '../console-route';

/** The communications team's posts to X for an event: list, compose, edit, cancel, retry. */
export const postsRoutes = {
  list: { method: 'GET', path: '/console/events/{eventId}/posts', auth: 'comms' },
  compose: { method: 'GET', path: '/console/events/{eventId}/posts/new', auth: 'comms' },
  create: { method: 'POST', path: '/console/events/{eventId}/posts', auth: 'comms' },
  detail: { method: 'GET', path: '/console/events/{eventId}/posts/{postId}', auth: 'comms' },
  update: { method: 'POST', path: '/console/events/{eventId}/posts/{postId}', auth: 'comms' },
  cancel: { method: 'POST', path: '/console/events/{eventId}/posts/{postId}/cancel', auth: 'comms' },
  retry: { method: 'POST', path: '/console/events/{eventId}/posts/{postId}/retry', auth: 'comms' },
} as const satisfies ConsoleRoutes;
