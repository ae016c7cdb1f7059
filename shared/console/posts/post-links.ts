import { consoleUrls } from '../console-navigation';

/** The addresses of an event's posts in the console, built in one place (the same as posts-routes.ts). */
export const postLinks = {
  list: (eventId: string) => consoleUrls.section(eventId, 'posts'),
  compose: (eventId: string) => `${consoleUrls.section(eventId, 'posts')}/new`,
  post: (eventId: string, postId: string) =>
    `${consoleUrls.section(eventId, 'posts')}/${encodeURIComponent(postId)}`,
  cancel: (eventId: string, postId: string) => `${postLinks.post(eventId, postId)}/cancel`,
  retry: (eventId: string, postId: string) => `${postLinks.post(eventId, postId)}/retry`,
};

/** A part on X, by its tweet id (X finds the account from the id). */
export const tweetUrl = (tweetId: string): string =>
  `https://x.com/i/web/status/${encodeURIComponent(tweetId)}`;
