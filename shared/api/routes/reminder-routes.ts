import type { RouteDoc } from './route-doc';

/** The reminder area's routes. */
export const reminderRoutes: readonly RouteDoc[] = [];
