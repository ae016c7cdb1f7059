import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { EnvNames } from '../../shared/config/env';
import { OutboxMetrics } from '../../shared/domain/outbox/outbox-metrics';
import type { GrantTarget } from './grants';
import type { CountAlarmProps } from './metric-alarm';

/**
 * What publishing needs besides PutEvents: when the bus refuses an event, shared/adapters/bus.ts parks it
 * in the outbox (an item under an `OUTBOX#<n>` key) for the sweeper. One action, and only on those keys,
 * whatever table access the function has otherwise.
 */
export const grantOutboxPark = (fn: GrantTarget, table: dynamodb.ITable): void => {
  fn.addEnvironment(EnvNames.tableName, table.tableName);
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['dynamodb:PutItem'],
    resourceArns: [table.tableArn],
    conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OUTBOX#*'] } },
  });
};

/** Parked events the sweeper could not put on the bus either: the bus has been failing for a minute or more. */
export const outboxAlarm = (alarmTopic: sns.ITopic): CountAlarmProps => ({
  metricName: OutboxMetrics.stillParked,
  description:
    'The bus refused events again when the outbox sweeper retried them: EventBridge has been failing for a ' +
    'minute or more. Nothing is lost: they wait in the outbox (table items OUTBOX#0-7) and go out on the ' +
    "sweeper's next run after the bus recovers. Check EventBridge's health and the functions' PutEvents grants.",
  alarmTopic,
});
