import { ArnFormat, Stack, type Duration } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import { addToDeadLetterQueueResourcePolicy } from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';

export interface LogGroupTargetProps {
  readonly deadLetterQueue: sqs.IQueue;
  readonly retryAttempts: number;
  readonly maxEventAge: Duration;
}

/**
 * A rule target writing events to a CloudWatch log group. aws-events-targets' CloudWatchLogGroup installs
 * the log group's resource policy through a custom-resource Lambda; a native AWS::Logs::ResourcePolicy
 * does the same without one. Like aws-events-targets' own targets, it lets the rule (and only it) send to
 * the DLQ.
 */
export class LogGroupTarget implements events.IRuleTarget {
  constructor(
    private readonly logGroup: logs.LogGroup,
    private readonly props: LogGroupTargetProps,
  ) {}

  bind(rule: events.IRule): events.RuleTargetConfig {
    const policyId = 'EventsCanWrite';
    if (!this.logGroup.node.tryFindChild(policyId)) {
      new logs.ResourcePolicy(this.logGroup, policyId, {
        policyStatements: [
          new iam.PolicyStatement({
            principals: [new iam.ServicePrincipal('events.amazonaws.com')],
            actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            resources: [this.logGroup.logGroupArn],
          }),
        ],
      });
    }
    addToDeadLetterQueueResourcePolicy(rule, this.props.deadLetterQueue);
    return {
      // The target ARN is the log group's without the trailing ":*" of its Arn attribute.
      arn: Stack.of(this.logGroup).formatArn({
        service: 'logs',
        resource: 'log-group',
        resourceName: this.logGroup.logGroupName,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
      deadLetterConfig: { arn: this.props.deadLetterQueue.queueArn },
      retryPolicy: {
        maximumRetryAttempts: this.props.retryAttempts,
        maximumEventAgeInSeconds: this.props.maxEventAge.toSeconds(),
      },
      targetResource: this.logGroup,
    };
  }
}
