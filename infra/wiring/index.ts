import { auditFunctions } from './audit-functions';
import { campaignFunctions } from './campaign-functions';
import { conferenceFunctions } from './conference-functions';
import { dataFunctions } from './data-functions';
import { consoleFunctions } from './console-functions';
import { deliveryFunctions } from './delivery-functions';
import { informationFunctions } from './information-functions';
import { mailFunctions } from './mail-functions';
import { mailRecordFunctions } from './mail-record-functions';
import { outboxFunctions } from './outbox-functions';
import { planFunctions } from './plan-functions';
import { registrationFunctions } from './registration-functions';
import { reminderFunctions } from './reminder-functions';
import { resendFunctions } from './resend-functions';
import { socialFunctions } from './social-functions';
import { surveyFunctions } from './survey-functions';
import type { FunctionSpec, Wiring } from './types';

/**
 * The one declaration of which function runs on which trigger, with what access and settings.
 * The CDK app (infra/stacks) and the local stack (infra/local) both build from this object:
 * adding a function is one entry in its area's file beside this one, plus its folder under functions/.
 */
export const wiring = {
  functions: {
    ...conferenceFunctions,
    ...registrationFunctions,
    ...mailFunctions,
    ...reminderFunctions,
    ...campaignFunctions,
    ...deliveryFunctions,
    ...socialFunctions,
    ...surveyFunctions,
    ...resendFunctions,
    ...informationFunctions,
    ...mailRecordFunctions,
    ...planFunctions,
    ...consoleFunctions,
    ...outboxFunctions,
    ...auditFunctions,
    ...dataFunctions,
  },
  queues: {
    send: { visibilityTimeoutSeconds: 180, maxReceiveCount: 10 },
    // Six times its consumer's timeout, as AWS advises. A failing message holds its event's later
    // decisions back until it succeeds or goes to the DLQ: five tries, three minutes apart.
    places: { visibilityTimeoutSeconds: 180, maxReceiveCount: 5, fifo: true },
  },
  busRetryAttempts: 8,
  busMaximumEventAgeSeconds: 3600,
} as const satisfies Wiring;

export type FunctionName = keyof typeof wiring.functions;

export const functionEntries = (w: Wiring = wiring): [string, FunctionSpec][] => Object.entries(w.functions);
