import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { setTimeout as sleep } from 'node:timers/promises';
import { documentClient } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A write in a transaction, with what its condition failing would mean to the caller. */
export interface Step<M extends string> {
  readonly write: TransactItem;
  readonly meaning?: M;
}

export type TransactOutcome<M extends string> =
  { readonly ok: true } | { readonly ok: false; readonly failed: M[] };

const MAX_CONFLICT_RETRIES = 12;

/**
 * Runs a transaction and says which conditions failed, by meaning. Conflicts with concurrent
 * transactions on the same items (TransactionConflict) are retried with jittered backoff: under a
 * registration burst many transactions touch one seat counter, and a conflict says nothing about seats.
 */
export const transact = async <M extends string>(steps: readonly Step<M>[]): Promise<TransactOutcome<M>> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await documentClient.send(new TransactWriteCommand({ TransactItems: steps.map((s) => s.write) }));
      return { ok: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failedSteps = reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [steps[i]] : []));
      if (failedSteps.some((s) => !s?.meaning)) throw error;
      if (failedSteps.length > 0) return { ok: false, failed: failedSteps.map((s) => s!.meaning!) };
      const conflicted = reasons.some((r) => r.Code === 'TransactionConflict');
      if (!conflicted || attempt >= MAX_CONFLICT_RETRIES) throw error;
      await sleep(Math.random() * Math.min(1000, 20 * 2 ** attempt));
    }
  }
};
