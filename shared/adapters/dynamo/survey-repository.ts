import { randomBytes } from 'node:crypto';
import type { Answers } from '../../domain/surveys/answers';
import type { StoredResponse } from '../../domain/surveys/results';
import { tableName } from './client';
import { queryPages } from './query-pages';
import { registrationKeys } from './registration-keys';
import { transact, type TransactOutcome } from './transact';

/**
 * Survey responses, apart from who gave them:
 * - EVENT#<eventId>#SURVEY / RESPONSE#<random id>   the answers; no registration, no time
 * - REG#<id> / REG  `surveyRespondedAt`              completion, on the registration (for chasing)
 * Both are written in one transaction, so an answer is never kept without its completion nor twice.
 */
export const surveyKeys = {
  responses: (eventId: string) => `EVENT#${eventId}#SURVEY`,
  response: (eventId: string, responseId: string) => ({
    pk: `EVENT#${eventId}#SURVEY`,
    sk: `RESPONSE#${responseId}`,
  }),
};

const RESPONSE_PREFIX = 'RESPONSE#';

/** Random, not time-ordered (unlike ulids): a response's id says nothing of when it came. */
const newResponseId = (): string => randomBytes(12).toString('base64url');

export const surveyRepository = {
  /**
   * Keeps a delegate's answers and marks their registration answered, unless it was answered already
   * or is no longer the delegate's to answer (erased meanwhile): then `refused`, and nothing is written.
   */
  async submit(
    eventId: string,
    registrationId: string,
    answers: Answers,
    at: string,
  ): Promise<TransactOutcome<'refused'>> {
    return transact<'refused'>([
      {
        meaning: 'refused',
        write: {
          Update: {
            TableName: tableName,
            Key: registrationKeys.item(registrationId),
            UpdateExpression: 'SET surveyRespondedAt = :at',
            ConditionExpression:
              'eventId = :eventId AND attribute_exists(delegate) AND attribute_not_exists(surveyRespondedAt)',
            ExpressionAttributeValues: { ':at': at, ':eventId': eventId },
          },
        },
      },
      {
        write: {
          Put: {
            TableName: tableName,
            Item: { ...surveyKeys.response(eventId, newResponseId()), entity: 'SurveyResponse', answers },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
      },
    ]);
  },

  /** Every response to the event's survey (a few hundred for a conference day), page by page. */
  async responses(eventId: string): Promise<StoredResponse[]> {
    const responses: StoredResponse[] = [];
    for await (const items of queryPages({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': surveyKeys.responses(eventId), ':prefix': RESPONSE_PREFIX },
      ConsistentRead: true,
    })) {
      for (const item of items) {
        responses.push({
          responseId: String(item.sk).slice(RESPONSE_PREFIX.length),
          answers: (item.answers ?? {}) as Answers,
        });
      }
    }
    return responses;
  },
};
