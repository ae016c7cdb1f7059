import { consoleProblem } from '../console-problem';
import type { ConsolePages } from '../console-handler';
import type { campaignsRoutes } from './campaigns-routes';

// Placeholder until this area is built: every route answers a plain 404 page.
const placeholder = async () => consoleProblem(404, 'This part of the console is not built yet.');

export const campaignsPages = new Proxy({}, { get: () => placeholder }) as ConsolePages<
  typeof campaignsRoutes
>;
