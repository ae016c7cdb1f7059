import { socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { viewOf } from '../../domain/social/post-api-view';
import { loadConference } from '../load-conference';

/** The event's posts, oldest first. */
export const listSocialPosts = async (eventId: string) => {
  const { conference } = await loadConference(eventId);
  const posts = await socialPostRepository.listByEvent(eventId);
  return { posts: posts.map((p) => viewOf(p, conference.timezone)) };
};
