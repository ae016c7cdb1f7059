import { consoleHandler } from '../../shared/console/console-handler';
import { postsPages } from '../../shared/console/posts/posts-pages';
import { postsRoutes } from '../../shared/console/posts/posts-routes';

export const handler = consoleHandler(postsRoutes, postsPages);
