import { consoleHandler } from '../../shared/console/console-handler';
import { eventsPages } from '../../shared/console/events/events-pages';
import { eventsRoutes } from '../../shared/console/events/events-routes';

export const handler = consoleHandler(eventsRoutes, eventsPages);
