import { socialPostRepository } from '../../adapters/dynamo/social-post-repository';
import { notFound } from '../../domain/errors';
import type { SocialPost } from '../../domain/social/post';

/** The post, or a 404 for the caller. */
export const loadPost = async (postId: string): Promise<SocialPost> => {
  const post = await socialPostRepository.find(postId);
  if (!post) throw notFound('The post');
  return post;
};
