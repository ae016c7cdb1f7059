import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { MailSpec, SendRequest } from '../../domain/mail/send-request';
import { documentClient, tableName } from './client';

/**
 * The send ledger: one item per (message, recipient), written before anything is sent.
 * - MSG#<messageKey> / TO#<recipientKey>
 * status: queued → sending (claimed by one sender) → sent | skipped | failed
 * A send is only made by the sender that moved the entry from queued to sending, so a duplicate
 * delivery, a retry or a second sender finds the entry taken and sends nothing.
 */
export type LedgerStatus = 'queued' | 'sending' | 'sent' | 'skipped' | 'failed';

export interface LedgerEntry extends SendRequest {
  readonly status: LedgerStatus;
  readonly spec: MailSpec;
  readonly attempts: number;
  readonly sesMessageId?: string;
  readonly reason?: string;
}

const key = (r: SendRequest) => ({ pk: `MSG#${r.messageKey}`, sk: `TO#${r.recipientKey}` });

const update = async (
  r: SendRequest,
  expression: string,
  condition: string,
  values: Record<string, unknown>,
) => {
  try {
    await documentClient.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(r),
        UpdateExpression: expression,
        ConditionExpression: condition,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: values,
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
};

export const ledgerRepository = {
  /** Records a send unless it is recorded already; returns the entry as it now stands. */
  async record(request: SendRequest, spec: MailSpec, at: string): Promise<LedgerEntry> {
    try {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...key(request), ...request, spec, status: 'queued', attempts: 0, recordedAt: at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { ...request, spec, status: 'queued', attempts: 0 };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const existing = await this.find(request);
      if (!existing) throw error;
      return existing;
    }
  },

  async find(request: SendRequest): Promise<LedgerEntry | undefined> {
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName, Key: key(request), ConsistentRead: true }),
    );
    if (!Item) return undefined;
    const { pk: _p, sk: _s, ...entry } = Item;
    return entry as LedgerEntry;
  },

  /** Takes the entry for sending; false when another sender has it or it is done. */
  claim: (r: SendRequest, at: string) =>
    update(r, 'SET #status = :sending, claimedAt = :at ADD attempts :one', '#status = :queued', {
      ':sending': 'sending',
      ':queued': 'queued',
      ':at': at,
      ':one': 1,
    }),

  /** Gives a claimed entry back after SES refused it for now (throttling): the next delivery sends it. */
  release: (r: SendRequest, reason: string) =>
    update(r, 'SET #status = :queued, reason = :reason', '#status = :sending', {
      ':queued': 'queued',
      ':sending': 'sending',
      ':reason': reason,
    }),

  markSent: (r: SendRequest, sesMessageId: string, at: string) =>
    update(r, 'SET #status = :sent, sesMessageId = :id, sentAt = :at', '#status = :sending', {
      ':sent': 'sent',
      ':sending': 'sending',
      ':id': sesMessageId,
      ':at': at,
    }),

  /** Ends an entry without sending: nothing to send any more, or a message SES will never take. */
  finish: (r: SendRequest, status: 'skipped' | 'failed', reason: string) =>
    update(r, 'SET #status = :status, reason = :reason', '#status IN (:queued, :sending)', {
      ':status': status,
      ':reason': reason,
      ':queued': 'queued',
      ':sending': 'sending',
    }),
};
