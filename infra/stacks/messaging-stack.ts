import { Duration, NestedStack, RemovalPolicy, type NestedStackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { allContracts } from '../../events';
import { unarchivedDetailTypes, unarchivedSources } from '../../shared/domain/gdpr/archive-policy';
import { SEND_CONFIGURATION_FAULT_METRIC } from '../../shared/domain/delivery/send-fault';
import type { EventContract } from '../../events/contract';
import { wiring as defaultWiring, functionEntries } from '../wiring';
import type { QueueName, Wiring } from '../wiring/types';
import { DeadLetterQueue, secureQueueProps } from '../constructs/dead-letter-queue';
import { EventSchemaRegistry } from '../constructs/event-schema-registry';
import { LogGroupTarget } from '../constructs/log-group-target';
import { CountAlarm } from '../constructs/metric-alarm';
import { outboxAlarm } from '../constructs/outbox-grant';
import { pascal, resourceNames } from '../constructs/names';
import type { Settings } from '../constructs/settings';

export interface MessagingStackProps extends NestedStackProps {
  readonly settings: Settings;
  readonly wiring?: Wiring;
  readonly contracts?: readonly EventContract[];
}

/** The SES events Convene acts on (suppression list, delivery status); opens and clicks are not tracked. */
export const SesEventTypes = [
  // Send settles a ledger entry whose sender lost SES's answer (or crashed): exactly once depends on it.
  ses.EmailSendingEvent.SEND,
  ses.EmailSendingEvent.BOUNCE,
  ses.EmailSendingEvent.COMPLAINT,
  ses.EmailSendingEvent.DELIVERY,
  ses.EmailSendingEvent.DELIVERY_DELAY,
  ses.EmailSendingEvent.REJECT,
  ses.EmailSendingEvent.RENDERING_FAILURE,
] as const;

/**
 * The spine and every asynchronous path: the custom bus (archive, catch-all log, schema registry), the
 * work queues, the Scheduler group and role, the SES configuration set whose events come back on the bus,
 * and every dead-letter queue with its alarm. Nothing here refers to a function or a resource of the API's
 * nested stack (the rule-target DLQ names the functions' rules by ARN, from the wiring), so the API's nested
 * stack can depend on this one without a cycle.
 */
export class MessagingStack extends NestedStack {
  readonly bus: events.EventBus;
  readonly alarmTopic: sns.Topic;
  readonly queues: Readonly<Record<QueueName, sqs.Queue>>;
  readonly deadLetterQueues: {
    readonly ruleTarget: DeadLetterQueue;
    readonly scheduler: DeadLetterQueue;
    readonly asyncFailure: DeadLetterQueue;
    readonly queues: Readonly<Record<QueueName, DeadLetterQueue>>;
  };
  readonly scheduleGroup: scheduler.ScheduleGroup;
  /** The group's name as a literal, for grants (see SchedulerResources.groupName). */
  readonly scheduleGroupName: string;
  readonly schedulerRole: iam.Role;
  readonly configurationSet: ses.ConfigurationSet;
  readonly schemaRegistry: EventSchemaRegistry;

  constructor(scope: Construct, id: string, props: MessagingStackProps) {
    super(scope, id, props);
    const wiring = props.wiring ?? defaultWiring;
    const names = resourceNames(props.settings.stage);

    this.alarmTopic = new sns.Topic(this, 'AlarmTopic', { topicName: names.alarmTopic, enforceSSL: true });
    if (props.settings.alarmEmail !== undefined) {
      this.alarmTopic.addSubscription(new subscriptions.EmailSubscription(props.settings.alarmEmail));
    }
    const deadLetterQueue = (id: string, queueName: string, purpose: string, fifo = false): DeadLetterQueue =>
      new DeadLetterQueue(this, id, { queueName, purpose, fifo, alarmTopic: this.alarmTopic });

    // The bus, and what keeps a copy of everything on it.
    this.bus = new events.EventBus(this, 'Bus', { eventBusName: names.eventBus });
    const everything: events.EventPattern = { account: [this.account] };
    // Events carry delegates' personal data: the copies are kept only briefly, so an erasure reaches them,
    // and never SES's events or others naming an address, which no erasure could reach (archive-policy.ts).
    const kept: events.EventPattern = {
      ...everything,
      source: events.Match.anythingBut(...unarchivedSources),
      detailType: events.Match.anythingBut(...unarchivedDetailTypes),
    };
    const archive = this.bus.archive('Archive', {
      archiveName: names.busArchive,
      description: 'Every event on the Convene bus that names no address, for replay',
      eventPattern: kept,
      retention: Duration.days(30),
    });
    // CDK writes KmsKeyIdentifier "" for an archive without a key, which some regions refuse; absent means
    // an AWS-owned key.
    (archive.node.defaultChild as events.CfnArchive).addPropertyDeletionOverride('KmsKeyIdentifier');
    const ruleTarget = deadLetterQueue(
      'RuleTargetDlq',
      names.ruleTargetDlq,
      'events a bus rule could not deliver to its target',
    );
    // The rules of event-triggered functions live in the API's nested stack, which depends on this one:
    // a reference to them here would make a cycle between the two nested stacks (their rule targets take
    // this queue imported by ARN for that reason). Their names follow from the wiring, so the policy admits
    // exactly those rules by ARN. The rules of this stack add their own statements (ArnEquals each rule).
    const functionRuleArns = functionEntries(wiring)
      .filter(([, spec]) => spec.trigger.kind === 'event')
      .map(([name]) =>
        this.formatArn({
          service: 'events',
          resource: 'rule',
          resourceName: `${names.eventBus}/${names.busRule(name)}`,
        }),
      );
    if (functionRuleArns.length > 0) {
      ruleTarget.queue.addToResourcePolicy(
        new iam.PolicyStatement({
          sid: 'FunctionRulesOnTheConveneBus',
          principals: [new iam.ServicePrincipal('events.amazonaws.com')],
          actions: ['sqs:SendMessage'],
          resources: [ruleTarget.queue.queueArn],
          conditions: { ArnEquals: { 'aws:SourceArn': functionRuleArns } },
        }),
      );
    }
    const busLog = new logs.LogGroup(this, 'BusLog', {
      logGroupName: names.busLogGroup,
      retention: logs.RetentionDays.TWO_WEEKS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new events.Rule(this, 'LogEverything', {
      eventBus: this.bus,
      description: 'Writes every event on the bus that names no address to a log group',
      eventPattern: kept,
      targets: [new LogGroupTarget(busLog, this.busRetry(wiring, ruleTarget.queue))],
    });
    this.schemaRegistry = new EventSchemaRegistry(this, 'Schemas', {
      registryName: names.schemaRegistry,
      contracts: props.contracts ?? allContracts,
    });

    // Work queues declared in the wiring, each with its DLQ.
    const queueDlqs = {} as Record<QueueName, DeadLetterQueue>;
    const queues = {} as Record<QueueName, sqs.Queue>;
    for (const [name, spec] of Object.entries(wiring.queues) as [QueueName, Wiring['queues'][QueueName]][]) {
      const fifo = spec.fifo ?? false;
      const dlq = deadLetterQueue(
        `${pascal(name)}Dlq`,
        names.queueDlq(name, fifo),
        `messages of ${name} that failed`,
        fifo,
      );
      queueDlqs[name] = dlq;
      queues[name] = new sqs.Queue(this, `${pascal(name)}Queue`, {
        ...secureQueueProps,
        queueName: names.queue(name, fifo),
        visibilityTimeout: Duration.seconds(spec.visibilityTimeoutSeconds),
        deadLetterQueue: { queue: dlq.queue, maxReceiveCount: spec.maxReceiveCount },
        // Every message names its deduplication id; groups (events) are independent of each other, so
        // SQS's high-throughput mode keeps the limits per group, not per queue.
        ...(fifo
          ? {
              fifo: true,
              contentBasedDeduplication: false,
              deduplicationScope: sqs.DeduplicationScope.MESSAGE_GROUP,
              fifoThroughputLimit: sqs.FifoThroughputLimit.PER_MESSAGE_GROUP_ID,
            }
          : {}),
      });
    }
    this.queues = queues;

    // Scheduler: functions create one-time schedules in this group, run as this role.
    this.scheduleGroupName = names.scheduleGroup;
    this.scheduleGroup = new scheduler.ScheduleGroup(this, 'ScheduleGroup', {
      scheduleGroupName: names.scheduleGroup,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const schedulerDlq = deadLetterQueue(
      'SchedulerDlq',
      names.schedulerDlq,
      'schedules that could not put their event',
    );
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Runs Convene schedules: puts their "... Due" event on the bus',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com').withConditions({
        StringEquals: { 'aws:SourceAccount': this.account },
      }),
    });
    this.bus.grantPutEventsTo(this.schedulerRole);
    schedulerDlq.queue.grantSendMessages(this.schedulerRole);

    const asyncFailure = deadLetterQueue(
      'AsyncFailureDlq',
      names.asyncFailureDlq,
      'events a function failed on after its retries',
    );
    this.deadLetterQueues = { ruleTarget, scheduler: schedulerDlq, asyncFailure, queues: queueDlqs };
    // A configuration fault holds mail back instead of failing it; this says so before it reaches the DLQ.
    new CountAlarm(this, 'SendConfigurationFaultAlarm', {
      metricName: SEND_CONFIGURATION_FAULT_METRIC,
      description:
        'SES or AWS refused sends for a configuration fault (AccessDenied, unverified identity, paused account): ' +
        'mail is held, not failed. Read the sender log for the reason, fix it, then redrive the send DLQ.',
      alarmTopic: this.alarmTopic,
    });
    new CountAlarm(this, 'OutboxStillParkedAlarm', outboxAlarm(this.alarmTopic));

    // SES publishes sending events only to the default bus; a rule there forwards this stage's to ours.
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      configurationSetName: names.sesConfigurationSet,
      reputationMetrics: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('ToDefaultBus', {
      destination: ses.EventDestination.eventBus(
        events.EventBus.fromEventBusName(this, 'DefaultBus', 'default'),
      ),
      events: [...SesEventTypes],
    });
    new events.Rule(this, 'ForwardSesEvents', {
      description: `Forwards SES events of configuration set ${names.sesConfigurationSet} to the Convene bus`,
      eventPattern: {
        source: ['aws.ses'],
        detail: { mail: { tags: { 'ses:configuration-set': [names.sesConfigurationSet] } } },
      },
      targets: [new targets.EventBus(this.bus, { deadLetterQueue: ruleTarget.queue })],
    });
  }

  /** The failure route of a target on the bus: the wiring's retries, then the rule-target DLQ. */
  private busRetry(wiring: Wiring, deadLetterQueue: sqs.IQueue) {
    return {
      retryAttempts: wiring.busRetryAttempts,
      maxEventAge: Duration.seconds(wiring.busMaximumEventAgeSeconds),
      deadLetterQueue,
    };
  }
}
