import { consoleHandler } from '../../shared/console/console-handler';
import { registrationsPages } from '../../shared/console/registrations/registrations-pages';
import { registrationsRoutes } from '../../shared/console/registrations/registrations-routes';

export const handler = consoleHandler(registrationsRoutes, registrationsPages);
