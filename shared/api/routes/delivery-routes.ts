import type { RouteDoc } from './route-doc';

/** The delivery area's routes. */
export const deliveryRoutes: readonly RouteDoc[] = [];
