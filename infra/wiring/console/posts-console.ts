import { postsRoutes } from '../../../shared/console/posts/posts-routes';
import type { FunctionSpec } from '../types';

export const consolePostsFunctions = {
  consolePosts: {
    entry: 'console-posts',
    description: "The console's posts to X: compose with a live count, schedule, edit, cancel, retry",
    trigger: { kind: 'pages', routes: Object.values(postsRoutes) },
    access: { table: 'readWrite', bus: 'put', scheduler: 'manage', tokens: 'sign', pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
