import type { RouteDoc } from './route-doc';

export const planRoutes: readonly RouteDoc[] = [];
