import type { RouteDoc } from './route-doc';

export const mailRecordRoutes: readonly RouteDoc[] = [];
