import { ArnFormat, Stack, Validations } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
// cdk-nag's own flattening, so an acknowledgement names a finding exactly as cdk-nag reports it.
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference.js';
import type { IConstruct } from 'constructs';
import { TableDesign } from '../../shared/adapters/dynamo/table-design';
import { EnvNames, type EnvName } from '../../shared/config/env';
import type { Access } from '../wiring/types';
import type { Controller } from '../../shared/pages/information/controller';
import type { PageAssets } from '../../shared/pages/page-assets';
import { reachedActions } from '../iam/reached-actions';
import type { Retention } from '../../shared/domain/gdpr/retention';
import { grantOutboxPark } from './outbox-grant';

/**
 * Every helper here sets the environment variables an adapter reads and the IAM permissions it needs,
 * together, so a function never has one without the other.
 */
export interface GrantTarget extends iam.IGrantable, IConstruct {
  addEnvironment(name: EnvName, value: string): unknown;
  /** The handler's source: table grants narrow to the calls it can make. */
  readonly entryFile?: string;
}

export interface SchedulerResources {
  /**
   * The schedule group's literal name (not a reference): the IAM resource built from it must read the
   * same before and after synthesis for its cdk-nag acknowledgement to match.
   */
  readonly groupName: string;
  /** The role schedules run as: it may put events on the bus and send to the scheduler DLQ. */
  readonly role: iam.IRole;
  /** Where "... Due" events go. */
  readonly targetBus: events.IEventBus;
  readonly deadLetterQueue: sqs.IQueue;
}

export interface SesResources {
  readonly fromAddress: string;
  /** The verified identity (domain or address) that covers the from-address. */
  readonly identity: string;
  readonly configurationSetName: string;
  /** The most messages a second the sender may hand to SES (the account's sending rate, or less). */
  readonly sendRatePerSecond: number;
}

export interface SendingLimits {
  readonly sendRatePerSecond: number;
  readonly dailyQuota: number;
}

/** What the grants hand out: one of each resource a wiring `access` entry can name. */
export interface AccessResources {
  /** Days after an event ends its personal data, and its needs, are kept (settings.ts). */
  readonly retention: Retention;
  readonly sendingLimits: SendingLimits;
  readonly table: dynamodb.ITable;
  readonly bus: events.IEventBus;
  readonly scheduler: SchedulerResources;
  readonly sendQueue: sqs.IQueue;
  readonly placesQueue: sqs.IQueue;
  readonly ses: SesResources;
  readonly xCredentialsSecretName: string;
  /** The key that signs delegates' links (manage, unsubscribe, survey). */
  readonly tokenKey: secretsmanager.ISecret;
  /** The hashed names of the pages' stylesheet and script, as built for this synthesis. */
  readonly pageAssets: PageAssets;
  /** Who the privacy notice names as controller, where the deployment says. */
  readonly privacyController?: Controller;
  /** The user pool whose team groups organisers manage from the console. */
  readonly userPool: cognito.IUserPool;
}

// Only what the repositories call (a test holds every grant to what a function's code can reach): no
// Scan, BatchWriteItem or DescribeTable. A transaction is authorised item by item, under these actions.
const tableReadActions = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
const tableWriteActions = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
];

/**
 * Item access to the table and its named indexes (no `index/*` wildcard); transactions need nothing more.
 * The wiring's mode bounds what may be granted, and the handler's code narrows it to the calls it can make
 * (a read-write function that never deletes gets no DeleteItem).
 */
export const grantTable = (fn: GrantTarget, table: dynamodb.ITable, mode: 'read' | 'readWrite'): void => {
  fn.addEnvironment(EnvNames.tableName, table.tableName);
  const allowed = mode === 'read' ? tableReadActions : [...tableReadActions, ...tableWriteActions];
  const reached = fn.entryFile === undefined ? undefined : reachedActions(fn.entryFile);
  const actions = reached ? allowed.filter((action) => reached.has(action)) : allowed;
  if (actions.length === 0) return;
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions,
    resourceArns: [
      table.tableArn,
      ...TableDesign.globalIndexes.map((index) => `${table.tableArn}/index/${index.indexName}`),
    ],
  });
};

export const grantBusPut = (fn: GrantTarget, bus: events.IEventBus, table: dynamodb.ITable): void => {
  fn.addEnvironment(EnvNames.eventBusName, bus.eventBusName);
  bus.grantPutEventsTo(fn);
  grantOutboxPark(fn, table);
};

/** The ARN pattern of every schedule in a group: schedules get generated names at run time. */
export const schedulesIn = (scope: IConstruct, groupName: string): string =>
  Stack.of(scope).formatArn({ service: 'scheduler', resource: 'schedule', resourceName: `${groupName}/*` });

export const grantSchedulerManage = (fn: GrantTarget, resources: SchedulerResources): void => {
  fn.addEnvironment(EnvNames.scheduleGroupName, resources.groupName);
  fn.addEnvironment(EnvNames.schedulerRoleArn, resources.role.roleArn);
  fn.addEnvironment(EnvNames.scheduleTargetArn, resources.targetBus.eventBusArn);
  fn.addEnvironment(EnvNames.scheduleDlqArn, resources.deadLetterQueue.queueArn);
  const schedules = schedulesIn(fn, resources.groupName);
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['scheduler:CreateSchedule', 'scheduler:UpdateSchedule', 'scheduler:DeleteSchedule'],
    resourceArns: [schedules],
  });
  Validations.of(fn).acknowledge({
    id: `AwsSolutions-IAM5[Resource::${flattenCfnReference(Stack.of(fn).resolve(schedules))}]`,
    reason:
      'Schedules get names generated at run time (one per reminder, campaign or post); the grant covers ' +
      "only the schedules in Convene's own schedule group.",
  });
  // CreateSchedule passes the scheduler role; it may be passed to EventBridge Scheduler and nothing else.
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['iam:PassRole'],
    resourceArns: [resources.role.roleArn],
    conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
  });
};

export const grantSendQueue = (fn: GrantTarget, queue: sqs.IQueue): void => {
  fn.addEnvironment(EnvNames.sendQueueUrl, queue.queueUrl);
  // SendMessageBatch is authorised as sqs:SendMessage; grantSendMessages would add two actions no code calls.
  iam.Grant.addToPrincipal({ grantee: fn, actions: ['sqs:SendMessage'], resourceArns: [queue.queueArn] });
};

/** Asking for place decisions parks a request SQS refused in the outbox, as publishing does. */
export const grantPlacesQueue = (fn: GrantTarget, queue: sqs.IQueue, table: dynamodb.ITable): void => {
  fn.addEnvironment(EnvNames.placesQueueUrl, queue.queueUrl);
  iam.Grant.addToPrincipal({ grantee: fn, actions: ['sqs:SendMessage'], resourceArns: [queue.queueArn] });
  grantOutboxPark(fn, table);
};

export const grantSesSend = (fn: GrantTarget, ses: SesResources): void => {
  fn.addEnvironment(EnvNames.sesFromAddress, ses.fromAddress);
  fn.addEnvironment(EnvNames.sesConfigurationSet, ses.configurationSetName);
  // The sender keeps to this rate, so SES does not throttle a campaign.
  fn.addEnvironment(EnvNames.sendRatePerSecond, String(ses.sendRatePerSecond));
  const stack = Stack.of(fn);
  iam.Grant.addToPrincipal({
    grantee: fn,
    // SES v2 SendEmail with raw MIME content (what the sender sends) is authorised as ses:SendRawEmail;
    // ses:SendEmail covers the same call's simple content. Both, as CDK's own grantSendEmail gives.
    actions: ['ses:SendEmail', 'ses:SendRawEmail'],
    // SES authorises a send against both the sending identity and the configuration set it names.
    resourceArns: [
      stack.formatArn({ service: 'ses', resource: 'identity', resourceName: ses.identity }),
      stack.formatArn({
        service: 'ses',
        resource: 'configuration-set',
        resourceName: ses.configurationSetName,
      }),
    ],
  });
};

export const grantXCredentialsRead = (fn: GrantTarget, secretName: string): void => {
  fn.addEnvironment(EnvNames.xCredentialsSecret, secretName);
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['secretsmanager:GetSecretValue'],
    // Secrets Manager appends six random characters to a secret's name in its ARN.
    resourceArns: [
      Stack.of(fn).formatArn({
        service: 'secretsmanager',
        resource: 'secret',
        resourceName: `${secretName}-??????`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    ],
  });
};

/** Reads the link-signing key at cold start (shared/adapters/token-key.ts): its ARN, and read on it alone. */
export const grantTokensSign = (fn: GrantTarget, secret: secretsmanager.ISecret): void => {
  fn.addEnvironment(EnvNames.tokenSecretArn, secret.secretArn);
  // Only the value: grantRead would add secretsmanager:DescribeSecret, which no code calls.
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: ['secretsmanager:GetSecretValue'],
    resourceArns: [secret.secretArn],
  });
};

/** Campaign planning reads the same rate the sender keeps to, and the daily quota. */
export const grantSendingLimits = (fn: GrantTarget, limits: SendingLimits): void => {
  fn.addEnvironment(EnvNames.sendRatePerSecond, String(limits.sendRatePerSecond));
  fn.addEnvironment(EnvNames.sendDailyQuota, String(limits.dailyQuota));
};

/** A page function is told its assets' hashed names; they are served by the distribution, not read by it. */
export const grantPages = (fn: GrantTarget, assets: PageAssets, controller?: Controller): void => {
  fn.addEnvironment(EnvNames.pageAssets, JSON.stringify(assets));
  if (controller) fn.addEnvironment(EnvNames.privacyController, JSON.stringify(controller));
};

/** A team's members: the pool's id, and the five user-administration calls the adapter makes, on that pool only. */
export const grantTeamMembers = (fn: GrantTarget, userPool: cognito.IUserPool): void => {
  fn.addEnvironment(EnvNames.userPoolId, userPool.userPoolId);
  iam.Grant.addToPrincipal({
    grantee: fn,
    actions: [
      'cognito-idp:AdminCreateUser',
      'cognito-idp:AdminAddUserToGroup',
      'cognito-idp:AdminRemoveUserFromGroup',
      'cognito-idp:ListUsersInGroup',
      'cognito-idp:CreateGroup',
    ],
    resourceArns: [userPool.userPoolArn],
  });
};

type AccessGrants = {
  readonly [K in keyof Access]-?: (
    fn: GrantTarget,
    mode: NonNullable<Access[K]>,
    resources: AccessResources,
  ) => void;
};

// A mapped type over Access: a new kind of access does not compile until it has a grant here.
const accessGrants: AccessGrants = {
  table: (fn, mode, r) => grantTable(fn, r.table, mode),
  bus: (fn, _mode, r) => grantBusPut(fn, r.bus, r.table),
  scheduler: (fn, _mode, r) => grantSchedulerManage(fn, r.scheduler),
  sendQueue: (fn, _mode, r) => grantSendQueue(fn, r.sendQueue),
  placesQueue: (fn, _mode, r) => grantPlacesQueue(fn, r.placesQueue, r.table),
  ses: (fn, _mode, r) => grantSesSend(fn, r.ses),
  xCredentials: (fn, _mode, r) => grantXCredentialsRead(fn, r.xCredentialsSecretName),
  tokens: (fn, _mode, r) => grantTokensSign(fn, r.tokenKey),
  sendingLimits: (fn, _mode, r) => grantSendingLimits(fn, r.sendingLimits),
  pages: (fn, _mode, r) => grantPages(fn, r.pageAssets, r.privacyController),
  sender: (fn, _mode, r) => fn.addEnvironment(EnvNames.sesFromAddress, r.ses.fromAddress),
  teamMembers: (fn, _mode, r) => grantTeamMembers(fn, r.userPool),
  retention: (fn, _mode, r) => {
    fn.addEnvironment(EnvNames.dataRetentionDays, String(r.retention.days));
    fn.addEnvironment(EnvNames.needsRetentionDays, String(r.retention.needsDays));
  },
};

/** Grants a function everything its wiring `access` entry names, and nothing else. */
export const applyAccess = (fn: GrantTarget, access: Access, resources: AccessResources): void => {
  for (const kind of Object.keys(access) as (keyof Access)[]) {
    const mode = access[kind];
    if (mode === undefined) continue;
    (accessGrants[kind] as (fn: GrantTarget, mode: unknown, resources: AccessResources) => void)(
      fn,
      mode,
      resources,
    );
  }
};
