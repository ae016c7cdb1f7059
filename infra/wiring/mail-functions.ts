import {
  DelegateSubstituted,
  PlacePromoted,
  RegistrationCancelled,
  RegistrationConfirmed,
  RegistrationWaitlisted,
} from '../../events';
import type { FunctionSpec } from './types';

/** Mail: what each change calls for is recorded and queued; the sender sends it once. */
export const mailFunctions = {
  queueRegistrationMail: {
    entry: 'queue-registration-mail',
    description: 'Records and queues the mail a registration change calls for',
    trigger: {
      kind: 'event',
      events: [
        RegistrationConfirmed,
        RegistrationWaitlisted,
        PlacePromoted,
        RegistrationCancelled,
        DelegateSubstituted,
      ],
    },
    // The link key derives the key of the address digest the daily new-registration mail allowance counts by.
    access: { table: 'readWrite', sendQueue: 'send', tokens: 'sign', retention: 'read' },
  },
  sendMail: {
    entry: 'send-mail',
    description: 'Sends queued mail through SES, each ledger entry at most once',
    trigger: {
      kind: 'queue',
      queue: 'send',
      batchSize: 10,
      maxBatchingWindowSeconds: 1,
      maxConcurrency: 5,
    },
    access: { table: 'readWrite', ses: 'send', tokens: 'sign' },
    timeoutSeconds: 30,
  },
} as const satisfies Record<string, FunctionSpec>;
