import type { ConsolePages } from '../console-handler';
import { addDelegate, newDelegatePage } from './add-delegate-page';
import { bulkSignUpsPage, removeBulkSignUps } from './bulk-sign-ups-page';
import {
  cancel,
  changeSessionsPage,
  confirmCancel,
  confirmErase,
  erase,
  moveSessions,
  substitute,
  substituteForm,
} from './delegate-actions';
import { dataReportPage } from '../gdpr/data-report-page';
import { delegatePage } from './delegate-page';
import { mailProblemsPage, retryMail } from './mail-problems-page';
import { registrationCsv, registrationListPage } from './registration-list-page';
import type { registrationsRoutes } from './registrations-routes';

/** The registrations area: each route of its table answered by one page or post. */
export const registrationsPages: ConsolePages<typeof registrationsRoutes> = {
  list: registrationListPage,
  exportCsv: registrationCsv,
  newRegistration: newDelegatePage,
  suspected: bulkSignUpsPage,
  removeSuspected: removeBulkSignUps,
  addRegistration: addDelegate,
  detail: delegatePage,
  changeSessions: changeSessionsPage,
  moveSessions,
  substituteForm,
  substitute,
  confirmCancel,
  cancel,
  confirmErase,
  erase,
  mailProblems: mailProblemsPage,
  retryMail,
  dataReport: dataReportPage,
};
