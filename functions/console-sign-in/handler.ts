import { consoleHandler } from '../../shared/console/console-handler';
import { signInPages } from '../../shared/console/sign-in/sign-in-pages';
import { signInRoutes } from '../../shared/console/sign-in/sign-in-routes';

export const handler = consoleHandler(signInRoutes, signInPages);
