import { consoleHandler } from '../../shared/console/console-handler';
import { campaignsPages } from '../../shared/console/campaigns/campaigns-pages';
import { campaignsRoutes } from '../../shared/console/campaigns/campaigns-routes';

export const handler = consoleHandler(campaignsRoutes, campaignsPages);
