import type { RouteDoc } from './route-doc';

/** The campaign area's routes. */
export const campaignRoutes: readonly RouteDoc[] = [];
