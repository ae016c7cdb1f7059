import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from './client';
import { conferenceKeys } from './conference-repository';
import { queryPages } from './query-pages';

/** A schedule recorded for an event; `token` changes on every write of the record. */
export interface RecordedSchedule {
  readonly name: string;
  readonly dueAt: string;
  readonly token: string;
}

/** A record outlives its schedule's firing by this long, then TTL removes it. */
const RECORD_KEPT_AFTER_DUE_SECONDS = 7 * 86_400;

export interface ScheduleRecords {
  list(eventId: string): Promise<RecordedSchedule[]>;
  note(eventId: string, name: string, dueAt: string): Promise<void>;
  /** Forgets a deleted schedule, unless its record was rewritten since `token` was read. */
  forget(eventId: string, name: string, token: string): Promise<void>;
}

/**
 * Which schedules of one area (`REMINDER`, `SURVEY`) may exist for an event, one item each. A record is
 * written before its schedule is created and again after (with a new token), and removed only after
 * the schedule is deleted and only if nobody rewrote it meanwhile: so the record always covers every
 * schedule that exists, even with two syncs of the same event at once.
 */
export const scheduleRecords = (area: 'REMINDER' | 'SURVEY'): ScheduleRecords => {
  const prefix = `${area}#`;
  return {
    async list(eventId) {
      const records: RecordedSchedule[] = [];
      for await (const items of queryPages({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': conferenceKeys.schedules(eventId), ':prefix': prefix },
        ConsistentRead: true,
      })) {
        for (const item of items) {
          records.push({
            name: String(item.sk).slice(prefix.length),
            dueAt: String(item.dueAt),
            token: String(item.token),
          });
        }
      }
      return records;
    },

    async note(eventId, name, dueAt) {
      await documentClient.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...conferenceKeys.schedule(eventId, area, name),
            entity: 'EventSchedule',
            dueAt,
            token: randomUUID(),
            expiresAt: Math.floor(new Date(dueAt).getTime() / 1000) + RECORD_KEPT_AFTER_DUE_SECONDS,
          },
        }),
      );
    },

    async forget(eventId, name, token) {
      try {
        await documentClient.send(
          new DeleteCommand({
            TableName: tableName,
            Key: conferenceKeys.schedule(eventId, area, name),
            ConditionExpression: '#token = :token',
            ExpressionAttributeNames: { '#token': 'token' },
            ExpressionAttributeValues: { ':token': token },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
};
