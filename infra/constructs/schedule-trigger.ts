import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import type { Trigger } from '../wiring/types';
import type { ConveneFunction } from './convene-function';
import { pascal } from './names';

/**
 * A 'schedule' trigger: an EventBridge rate rule (on the account's default bus, where schedules live)
 * invoking the function. A missed run is not retried: the next one comes within `everyMinutes` and does
 * the same work, so neither the rule nor Lambda's asynchronous invoke keeps an old run for later.
 */
export const scheduleRule = (
  scope: Construct,
  name: string,
  fn: ConveneFunction,
  trigger: Extract<Trigger, { kind: 'schedule' }>,
): events.Rule => {
  const rule = new events.Rule(scope, `${pascal(name)}Schedule`, {
    description: `Runs ${name} every ${trigger.everyMinutes} minute(s)`,
    schedule: events.Schedule.rate(Duration.minutes(trigger.everyMinutes)),
    targets: [
      new targets.LambdaFunction(fn.function, {
        retryAttempts: 0,
        maxEventAge: Duration.seconds(Math.max(60, trigger.everyMinutes * 60)),
      }),
    ],
  });
  fn.function.configureAsyncInvoke({ retryAttempts: 0 });
  return rule;
};
