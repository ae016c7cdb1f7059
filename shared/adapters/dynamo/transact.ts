import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
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
 * One write alone, as the plain conditional write it is: half a transaction's write units (AWS charges a
 * transaction 2 per KB per item), with the same condition and the same all-or-nothing. A lone condition
 * check has no plain form and stays a transaction.
 */
const plainWrite = (write: TransactItem): (() => Promise<unknown>) | undefined => {
  const { Put, Update, Delete } = write;
  if (Put) return () => documentClient.send(new PutCommand(Put));
  if (Update) return () => documentClient.send(new UpdateCommand(Update));
  if (Delete) return () => documentClient.send(new DeleteCommand(Delete));
  return undefined;
};

const backOff = (attempt: number) => sleep(Math.random() * Math.min(1000, 20 * 2 ** attempt));

/**
 * Writes one item under its condition, saying whether the condition held. A write that meets a
 * transaction in progress on the item (TransactionConflict) is retried as a transaction's conflict is.
 */
const writeAlone = async <M extends string>(
  step: Step<M>,
  write: () => Promise<unknown>,
): Promise<TransactOutcome<M>> => {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await write();
      return { ok: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException && step.meaning) {
        return { ok: false, failed: [step.meaning] };
      }
      if (!(error instanceof TransactionConflictException) || attempt >= MAX_CONFLICT_RETRIES) throw error;
      await backOff(attempt);
    }
  }
};

/**
 * Runs a transaction and says which conditions failed, by meaning. Conflicts with concurrent
 * transactions on the same items (TransactionConflict) are retried with jittered backoff: under a
 * registration burst many transactions touch one seat counter, and a conflict says nothing about seats.
 * A transaction of one write is made as a plain conditional write.
 */
export const transact = async <M extends string>(steps: readonly Step<M>[]): Promise<TransactOutcome<M>> => {
  const alone = steps.length === 1 ? plainWrite(steps[0]!.write) : undefined;
  if (alone) return writeAlone(steps[0]!, alone);
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
      await backOff(attempt);
    }
  }
};
