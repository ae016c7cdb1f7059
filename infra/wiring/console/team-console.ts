import { teamRoutes } from '../../../shared/console/team/team-routes';
import type { FunctionSpec } from '../types';

export const consoleTeamFunctions = {
  consoleTeam: {
    entry: 'console-team',
    description: "The console's team page: organisers list, invite and remove their team's members",
    trigger: { kind: 'pages', routes: Object.values(teamRoutes) },
    // The table: the console's session check reads whether the session was signed out; tokens: the
    // forms' CSRF value is signed with the link key.
    access: { table: 'read', teamMembers: 'manage', tokens: 'sign', pages: 'render' },
  },
} as const satisfies Record<string, FunctionSpec>;
