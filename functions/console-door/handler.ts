import { consoleHandler } from '../../shared/console/console-handler';
import { doorPages } from '../../shared/console/door/door-pages';
import { doorRoutes } from '../../shared/console/door/door-routes';

export const handler = consoleHandler(doorRoutes, doorPages);
