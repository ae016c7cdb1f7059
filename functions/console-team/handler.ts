import { consoleHandler } from '../../shared/console/console-handler';
import { teamPages } from '../../shared/console/team/team-pages';
import { teamRoutes } from '../../shared/console/team/team-routes';

export const handler = consoleHandler(teamRoutes, teamPages);
