import { consoleHandler } from '../../shared/console/console-handler';
import { planPages } from '../../shared/console/plan/plan-pages';
import { planRoutes } from '../../shared/console/plan/plan-routes';

export const handler = consoleHandler(planRoutes, planPages);
