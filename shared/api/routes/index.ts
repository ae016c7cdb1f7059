import { auditRoutes } from './audit-routes';
import { campaignRoutes } from './campaign-routes';
import { coreRoutes } from './core-routes';
import { dataRoutes } from './data-routes';
import { deliveryRoutes } from './delivery-routes';
import { reminderRoutes } from './reminder-routes';
import { socialRoutes } from './social-routes';
import { surveyRoutes } from './survey-routes';
import { registrationOrganiserRoutes } from './registration-organiser-routes';
import { resendRoutes } from './resend-routes';
import { informationRoutes } from './information-routes';
import { mailRecordRoutes } from './mail-record-routes';
import { planRoutes } from './plan-routes';
import type { RouteDoc } from './route-doc';

export type { RouteDoc } from './route-doc';

/** The HTTP contract as OpenAPI shows it, one list per area; a test keeps it equal to the wiring's routes. */
export const routeDocs: readonly RouteDoc[] = [
  ...coreRoutes,
  ...registrationOrganiserRoutes,
  ...resendRoutes,
  ...reminderRoutes,
  ...campaignRoutes,
  ...deliveryRoutes,
  ...socialRoutes,
  ...surveyRoutes,
  ...informationRoutes,
  ...mailRecordRoutes,
  ...planRoutes,
  ...auditRoutes,
  ...dataRoutes,
];
