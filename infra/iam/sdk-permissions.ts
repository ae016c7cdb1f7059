/**
 * What AWS authorises for each SDK call a Convene function makes: the IAM actions and resource ARNs one
 * operation needs, worked out from its input as the service does. Several calls authorise under another
 * action than their name (SES v2 raw mail is `ses:SendRawEmail`; a DynamoDB transaction is each item's own
 * action); those are the reason this table exists. An operation not listed here is refused loudly by the
 * local IAM gateway, so a new SDK call cannot slip past the check unmapped.
 */

/** The service names of the SigV4 credential scope, which is how the gateway tells services apart. */
export type SigningService =
  'dynamodb' | 'events' | 'scheduler' | 'sqs' | 'ses' | 'secretsmanager' | 'cognito-idp';

export interface Permission {
  readonly action: string;
  readonly resource: string;
  /** Request context keys the service adds (for example `iam:PassedToService` for a passed role). */
  readonly context?: Readonly<Record<string, string>>;
}

/** Where a call is made from, and what the local services know that a resource ARN depends on. */
export interface CallSite {
  readonly region: string;
  readonly accountId: string;
  /** The full ARN of a secret named by name or ARN (Secrets Manager authorises against the full ARN). */
  readonly secretArnOf: (secretId: string) => string;
  /** The verified SES identity a from-address sends as: the address itself if verified, else its domain. */
  readonly sesIdentityOf: (address: string) => string;
}

export interface OperationPermissions {
  readonly service: SigningService;
  /** The wire operation (the SDK command's name without `Command`). */
  readonly operation: string;
  /** The SDK commands that send this operation, as `package#Command` (lib-dynamodb's document commands too). */
  readonly commands: readonly string[];
  /** Every action the operation may need, whatever its input: what a grant for it may hold. */
  readonly actions: readonly string[];
  readonly required: (input: Input, at: CallSite) => readonly Permission[];
}

// Wire input, read loosely: the gateway passes what the SDK serialised.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry reads only the fields it documents
type Input = any;

export class UnmappedCallError extends Error {
  constructor(service: string, operation: string) {
    super(
      `The local IAM check has no mapping for ${service}:${operation}. Add it to ` +
        'infra/local/iam/sdk-permissions.ts (with a test) before a function may call it.',
    );
    this.name = 'UnmappedCallError';
  }
}

const arn = (at: CallSite, service: string, resource: string, region = at.region): string =>
  `arn:aws:${service}:${region}:${at.accountId}:${resource}`;

const unique = (permissions: readonly Permission[]): Permission[] => [
  ...new Map(permissions.map((p) => [JSON.stringify(p), p])).values(),
];

// DynamoDB: a table may be named by name or ARN; a read through an index is authorised on the index.
const tableArn = (at: CallSite, table: string, indexName?: string): string =>
  `${table.startsWith('arn:') ? table : arn(at, 'dynamodb', `table/${table}`)}${indexName ? `/index/${indexName}` : ''}`;

const client = (name: string) => `@aws-sdk/client-dynamodb#${name}Command`;
const doc = (name: string) => `@aws-sdk/lib-dynamodb#${name}Command`;

const onTable =
  (action: string) =>
  (input: Input, at: CallSite): Permission[] => [
    { action, resource: tableArn(at, String(input.TableName), input.IndexName) },
  ];

/** A transaction is authorised item by item, each under the action of what it does to that item. */
const transactWriteActions: Readonly<Record<string, string>> = {
  Put: 'dynamodb:PutItem',
  Update: 'dynamodb:UpdateItem',
  Delete: 'dynamodb:DeleteItem',
  ConditionCheck: 'dynamodb:ConditionCheckItem',
};

const dynamodb: OperationPermissions[] = [
  ...(
    [
      ['GetItem', 'Get'],
      ['PutItem', 'Put'],
      ['UpdateItem', 'Update'],
      ['DeleteItem', 'Delete'],
      ['Query', 'Query'],
      ['Scan', 'Scan'],
    ] as const
  ).map(([operation, document]): OperationPermissions => ({
    service: 'dynamodb',
    operation,
    commands: [client(operation), doc(document)],
    actions: [`dynamodb:${operation}`],
    required: onTable(`dynamodb:${operation}`),
  })),
  {
    service: 'dynamodb',
    operation: 'TransactWriteItems',
    commands: [client('TransactWriteItems'), doc('TransactWrite')],
    actions: Object.values(transactWriteActions),
    required: (input, at) =>
      unique(
        (input.TransactItems as Record<string, { TableName: string }>[]).flatMap((item) =>
          Object.entries(item).map(([kind, part]) => {
            const action = transactWriteActions[kind];
            if (!action) throw new UnmappedCallError('dynamodb', `TransactWriteItems item ${kind}`);
            return { action, resource: tableArn(at, part.TableName) };
          }),
        ),
      ),
  },
  {
    service: 'dynamodb',
    operation: 'TransactGetItems',
    commands: [client('TransactGetItems'), doc('TransactGet')],
    actions: ['dynamodb:GetItem'],
    required: (input, at) =>
      unique(
        (input.TransactItems as { Get: { TableName: string } }[]).map((item) => ({
          action: 'dynamodb:GetItem',
          resource: tableArn(at, item.Get.TableName),
        })),
      ),
  },
  ...(
    [
      ['BatchGetItem', 'BatchGet'],
      ['BatchWriteItem', 'BatchWrite'],
    ] as const
  ).map(([operation, document]): OperationPermissions => ({
    service: 'dynamodb',
    operation,
    commands: [client(operation), doc(document)],
    actions: [`dynamodb:${operation}`],
    required: (input, at) =>
      Object.keys(input.RequestItems as object).map((table) => ({
        action: `dynamodb:${operation}`,
        resource: tableArn(at, table),
      })),
  })),
];

const events: OperationPermissions[] = [
  {
    service: 'events',
    operation: 'PutEvents',
    commands: ['@aws-sdk/client-eventbridge#PutEventsCommand'],
    actions: ['events:PutEvents'],
    // Each entry is authorised on its own bus; an entry that names none goes to the default bus.
    required: (input, at) =>
      unique(
        (input.Entries as { EventBusName?: string }[]).map(({ EventBusName: bus = 'default' }) => ({
          action: 'events:PutEvents',
          resource: bus.startsWith('arn:') ? bus : arn(at, 'events', `event-bus/${bus}`),
        })),
      ),
  },
];

const scheduleArn = (at: CallSite, input: Input): string =>
  arn(at, 'scheduler', `schedule/${String(input.GroupName ?? 'default')}/${String(input.Name)}`);

/** Creating or updating a schedule with a role passes that role to EventBridge Scheduler. */
const writeSchedule =
  (operation: string) =>
  (input: Input, at: CallSite): Permission[] => [
    { action: `scheduler:${operation}`, resource: scheduleArn(at, input) },
    ...(input.Target?.RoleArn
      ? [
          {
            action: 'iam:PassRole',
            resource: String(input.Target.RoleArn),
            context: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
          },
        ]
      : []),
  ];

const scheduler: OperationPermissions[] = [
  ...['CreateSchedule', 'UpdateSchedule'].map((operation): OperationPermissions => ({
    service: 'scheduler',
    operation,
    commands: [`@aws-sdk/client-scheduler#${operation}Command`],
    actions: [`scheduler:${operation}`, 'iam:PassRole'],
    required: writeSchedule(operation),
  })),
  ...['DeleteSchedule', 'GetSchedule'].map((operation): OperationPermissions => ({
    service: 'scheduler',
    operation,
    commands: [`@aws-sdk/client-scheduler#${operation}Command`],
    actions: [`scheduler:${operation}`],
    required: (input, at) => [{ action: `scheduler:${operation}`, resource: scheduleArn(at, input) }],
  })),
];

/** A queue URL's path is `/<account>/<name>`, whatever its host. */
const queueArn = (at: CallSite, queueUrl: string): string => {
  const [account = at.accountId, name = ''] = new URL(queueUrl).pathname.split('/').filter(Boolean);
  return `arn:aws:sqs:${at.region}:${account}:${name}`;
};

const sqs: OperationPermissions[] = (
  [
    ['SendMessage', 'sqs:SendMessage'],
    ['SendMessageBatch', 'sqs:SendMessage'],
    ['ReceiveMessage', 'sqs:ReceiveMessage'],
    ['DeleteMessage', 'sqs:DeleteMessage'],
    ['DeleteMessageBatch', 'sqs:DeleteMessage'],
    ['ChangeMessageVisibility', 'sqs:ChangeMessageVisibility'],
    ['ChangeMessageVisibilityBatch', 'sqs:ChangeMessageVisibility'],
    ['GetQueueAttributes', 'sqs:GetQueueAttributes'],
  ] as const
).map(([operation, action]): OperationPermissions => ({
  service: 'sqs',
  operation,
  commands: [`@aws-sdk/client-sqs#${operation}Command`],
  actions: [action],
  required: (input, at) => [{ action, resource: queueArn(at, String(input.QueueUrl)) }],
}));

/** The From header of a raw message (the first one), or undefined. */
const rawFromAddress = (data: string): string | undefined => {
  const head =
    Buffer.from(data, 'base64')
      .toString('utf8')
      .split(/\r?\n\r?\n/, 1)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const from = /^from:(.*)$/im.exec(unfolded)?.[1];
  return from ? (/<([^>]+)>/.exec(from)?.[1] ?? from).trim() : undefined;
};

/** SES v2 authorises raw content as `ses:SendRawEmail`, on the sending identity and the configuration set. */
const sendEmail = (input: Input, at: CallSite): Permission[] => {
  const action = input.Content?.Raw
    ? 'ses:SendRawEmail'
    : input.Content?.Template
      ? 'ses:SendTemplatedEmail'
      : 'ses:SendEmail';
  const from =
    (input.FromEmailAddress as string | undefined) ??
    (input.Content?.Raw ? rawFromAddress(String(input.Content.Raw.Data)) : undefined);
  if (!from) throw new Error('SES SendEmail without a from-address: SES would refuse it');
  return [
    { action, resource: arn(at, 'ses', `identity/${at.sesIdentityOf(from)}`) },
    ...(input.ConfigurationSetName
      ? [{ action, resource: arn(at, 'ses', `configuration-set/${String(input.ConfigurationSetName)}`) }]
      : []),
  ];
};

const ses: OperationPermissions[] = [
  {
    service: 'ses',
    operation: 'SendEmail',
    commands: ['@aws-sdk/client-sesv2#SendEmailCommand'],
    actions: ['ses:SendEmail', 'ses:SendRawEmail', 'ses:SendTemplatedEmail'],
    required: sendEmail,
  },
];

const secretsmanager: OperationPermissions[] = [
  {
    service: 'secretsmanager',
    operation: 'GetSecretValue',
    commands: ['@aws-sdk/client-secrets-manager#GetSecretValueCommand'],
    actions: ['secretsmanager:GetSecretValue'],
    required: (input, at) => [
      { action: 'secretsmanager:GetSecretValue', resource: at.secretArnOf(String(input.SecretId)) },
    ],
  },
];

/** A team's members (shared/adapters/team-members.ts): each operation is authorised on the user pool. */
const cognitoOperations = [
  'AdminCreateUser',
  'AdminAddUserToGroup',
  'AdminRemoveUserFromGroup',
  'ListUsersInGroup',
  'CreateGroup',
];
const cognito: OperationPermissions[] = cognitoOperations.map((operation) => ({
  service: 'cognito-idp',
  operation,
  commands: [`@aws-sdk/client-cognito-identity-provider#${operation}Command`],
  actions: [`cognito-idp:${operation}`],
  required: (input, at) => [
    {
      action: `cognito-idp:${operation}`,
      resource: `arn:aws:cognito-idp:${at.region}:${at.accountId}:userpool/${String(input.UserPoolId)}`,
    },
  ],
}));

export const operationPermissions: readonly OperationPermissions[] = [
  ...dynamodb,
  ...events,
  ...scheduler,
  ...sqs,
  ...ses,
  ...secretsmanager,
  ...cognito,
];

const byOperation = new Map(
  operationPermissions.map((entry) => [`${entry.service}:${entry.operation}`, entry]),
);

/** The permissions one call needs; throws UnmappedCallError for an operation this table does not know. */
export const permissionsFor = (
  service: string,
  operation: string,
  input: Input,
  at: CallSite,
): readonly Permission[] => {
  const entry = byOperation.get(`${service}:${operation}`);
  if (!entry) throw new UnmappedCallError(service, operation);
  return entry.required(input, at);
};

/** The entry for an SDK command (`package#Command`), for checks over what a bundle imports. */
export const operationOfCommand = (command: string): OperationPermissions | undefined =>
  operationPermissions.find((entry) => entry.commands.includes(command));
