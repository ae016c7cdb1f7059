import { consoleSignInFunctions } from './console/sign-in-console';
import { consoleEventsFunctions } from './console/events-console';
import { consoleRegistrationsFunctions } from './console/registrations-console';
import { consoleDoorFunctions } from './console/door-console';
import { consoleCampaignsFunctions } from './console/campaigns-console';
import { consolePlanFunctions } from './console/plan-console';
import { consolePostsFunctions } from './console/posts-console';
import { consoleTeamFunctions } from './console/team-console';
import type { FunctionSpec } from './types';

/**
 * The organisers' and comms team's console: one function per area, each answering its area's page
 * routes (declared once, in shared/console/<area>/<area>-routes.ts, with who may use each).
 */
export const consoleFunctions = {
  ...consoleSignInFunctions,
  ...consoleEventsFunctions,
  ...consoleRegistrationsFunctions,
  ...consoleDoorFunctions,
  ...consoleCampaignsFunctions,
  ...consolePlanFunctions,
  ...consolePostsFunctions,
  ...consoleTeamFunctions,
} as const satisfies Record<string, FunctionSpec>;
