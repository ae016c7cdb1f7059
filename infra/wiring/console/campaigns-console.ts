import { campaignsRoutes } from '../../../shared/console/campaigns/campaigns-routes';
import type { FunctionSpec } from '../types';

export const consoleCampaignsFunctions = {
  consoleCampaigns: {
    entry: 'console-campaigns',
    description:
      "The console's campaigns: compose with a live count and preview, send or schedule, progress, cancel",
    trigger: { kind: 'pages', routes: Object.values(campaignsRoutes) },
    access: {
      table: 'readWrite',
      bus: 'put',
      scheduler: 'manage',
      sendingLimits: 'read',
      tokens: 'sign',
      pages: 'render',
    },
  },
} as const satisfies Record<string, FunctionSpec>;
