import type { ConsolePages } from '../console-handler';
import type { campaignsRoutes } from './campaigns-routes';
import { composePages } from './compose-pages';
import { progressPages } from './progress-pages';

/** Each route of the campaigns table, answered by its page: composing (with preview) and progress. */
export const campaignsPages: ConsolePages<typeof campaignsRoutes> = {
  list: progressPages.list,
  compose: composePages.compose,
  count: composePages.count,
  preview: composePages.preview,
  create: composePages.create,
  detail: progressPages.detail,
  progress: progressPages.progress,
  cancel: progressPages.cancel,
};
