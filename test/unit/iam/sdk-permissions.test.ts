import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand as ClientQueryCommand,
  ScanCommand as ClientScanCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  ListUsersInGroupCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SendEmailCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  TransactGetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  operationPermissions,
  permissionsFor,
  UnmappedCallError,
  type CallSite,
  type Permission,
} from '../../../infra/iam/sdk-permissions';
import { readWireCall, signingServiceOf } from '../../../infra/local/iam/wire-call';

/**
 * Each entry of the mapping, through the real SDK client that sends it: a loopback server reads the call
 * off the wire as the IAM gateway does, and the test compares the permissions with what AWS documents.
 */
const at: CallSite = {
  region: 'eu-west-2',
  accountId: '000000000000',
  secretArnOf: (id) =>
    id.startsWith('arn:') ? id : `arn:aws:secretsmanager:eu-west-2:000000000000:secret:${id}-AbCdEf`,
  sesIdentityOf: (address) => address.slice(address.indexOf('@') + 1),
};
const table = 'arn:aws:dynamodb:eu-west-2:000000000000:table/convene';
const queueUrl = 'http://127.0.0.1:1/000000000000/convene-local-send';
const queue = 'arn:aws:sqs:eu-west-2:000000000000:convene-local-send';
const key = { pk: { S: 'a' }, sk: { S: 'b' } };
const docKey = { pk: 'a', sk: 'b' };

let server: Server;
let endpoint = '';
let last: readonly Permission[] | Error = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const service = signingServiceOf(req.headers);
        const call =
          service &&
          readWireCall(service, {
            method: req.method ?? 'GET',
            url: req.url ?? '/',
            headers: req.headers,
            body: Buffer.concat(chunks),
          });
        last = call ? permissionsFor(call.service, call.operation, call.input, at) : new Error('unreadable');
      } catch (error) {
        last = error as Error;
      }
      // A refusal the SDK does not retry: the test only wants what was sent.
      res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-ErrorType': 'ValidationException' });
      res.end(JSON.stringify({ __type: 'ValidationException', message: 'captured' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const config = () => ({
  endpoint,
  region: 'eu-west-2',
  maxAttempts: 1,
  credentials: { accessKeyId: 'k', secretAccessKey: 's' },
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each client takes its own commands
type Send = (command: any) => Promise<unknown>;
const clients = {
  dynamodb: (): Send => {
    const c = new DynamoDBClient(config());
    return (command) => c.send(command);
  },
  document: (): Send => {
    const c = DynamoDBDocumentClient.from(new DynamoDBClient(config()));
    return (command) => c.send(command);
  },
  events: (): Send => {
    const c = new EventBridgeClient(config());
    return (command) => c.send(command);
  },
  scheduler: (): Send => {
    const c = new SchedulerClient(config());
    return (command) => c.send(command);
  },
  sqs: (): Send => {
    const c = new SQSClient({ ...config(), useQueueUrlAsEndpoint: false });
    return (command) => c.send(command);
  },
  ses: (): Send => {
    const c = new SESv2Client(config());
    return (command) => c.send(command);
  },
  secrets: (): Send => {
    const c = new SecretsManagerClient(config());
    return (command) => c.send(command);
  },
  cognito: (): Send => {
    const c = new CognitoIdentityProviderClient(config());
    return (command) => c.send(command);
  },
};

const sent = async (client: keyof typeof clients, command: unknown): Promise<readonly Permission[]> => {
  last = new Error('nothing captured');
  await clients[client]()(command).catch(() => undefined);
  if (last instanceof Error) throw last;
  return last;
};

const rawMail = Buffer.from(
  'From: "Convene" <events@convene.local>\r\nTo: a@example.org\r\nSubject: x\r\n\r\nhello',
);
const passRole = {
  action: 'iam:PassRole',
  resource: 'arn:aws:iam::000000000000:role/scheduler',
  context: { 'iam:PassedToService': 'scheduler.amazonaws.com' },
};
const scheduleInput = {
  Name: 'rem-1',
  GroupName: 'convene-local',
  ScheduleExpression: 'at(2027-01-01T09:00:00)',
  FlexibleTimeWindow: { Mode: 'OFF' as const },
  Target: {
    Arn: 'arn:aws:events:eu-west-2:000000000000:event-bus/convene-local',
    RoleArn: passRole.resource,
  },
};
const schedule = 'arn:aws:scheduler:eu-west-2:000000000000:schedule/convene-local/rem-1';

const cases: [string, keyof typeof clients, unknown, Permission[]][] = [
  [
    'GetItem',
    'dynamodb',
    new GetItemCommand({ TableName: 'convene', Key: key }),
    [{ action: 'dynamodb:GetItem', resource: table }],
  ],
  [
    'lib-dynamodb Get',
    'document',
    new GetCommand({ TableName: 'convene', Key: docKey }),
    [{ action: 'dynamodb:GetItem', resource: table }],
  ],
  [
    'PutItem',
    'dynamodb',
    new PutItemCommand({ TableName: 'convene', Item: key }),
    [{ action: 'dynamodb:PutItem', resource: table }],
  ],
  [
    'lib-dynamodb Put',
    'document',
    new PutCommand({ TableName: 'convene', Item: docKey }),
    [{ action: 'dynamodb:PutItem', resource: table }],
  ],
  [
    'UpdateItem',
    'dynamodb',
    new UpdateItemCommand({ TableName: 'convene', Key: key }),
    [{ action: 'dynamodb:UpdateItem', resource: table }],
  ],
  [
    'lib-dynamodb Update',
    'document',
    new UpdateCommand({
      TableName: 'convene',
      Key: docKey,
      UpdateExpression: 'SET a = :a',
      ExpressionAttributeValues: { ':a': 1 },
    }),
    [{ action: 'dynamodb:UpdateItem', resource: table }],
  ],
  [
    'DeleteItem',
    'dynamodb',
    new DeleteItemCommand({ TableName: 'convene', Key: key }),
    [{ action: 'dynamodb:DeleteItem', resource: table }],
  ],
  [
    'lib-dynamodb Delete',
    'document',
    new DeleteCommand({ TableName: 'convene', Key: docKey }),
    [{ action: 'dynamodb:DeleteItem', resource: table }],
  ],
  [
    'Query on the table',
    'dynamodb',
    new ClientQueryCommand({
      TableName: 'convene',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': { S: 'a' } },
    }),
    [{ action: 'dynamodb:Query', resource: table }],
  ],
  [
    'lib-dynamodb Query on an index',
    'document',
    new QueryCommand({
      TableName: 'convene',
      IndexName: 'gsi1',
      KeyConditionExpression: 'pk = :p',
      ExpressionAttributeValues: { ':p': 'a' },
    }),
    [{ action: 'dynamodb:Query', resource: `${table}/index/gsi1` }],
  ],
  [
    'Scan',
    'dynamodb',
    new ClientScanCommand({ TableName: 'convene' }),
    [{ action: 'dynamodb:Scan', resource: table }],
  ],
  [
    'lib-dynamodb Scan on an index',
    'document',
    new ScanCommand({ TableName: 'convene', IndexName: 'gsi2' }),
    [{ action: 'dynamodb:Scan', resource: `${table}/index/gsi2` }],
  ],
  [
    'TransactWriteItems: each item under its own action, no TransactWriteItems action',
    'dynamodb',
    new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: 'convene', Item: key } },
        {
          Update: {
            TableName: 'convene',
            Key: key,
            UpdateExpression: 'SET a = :a',
            ExpressionAttributeValues: { ':a': { N: '1' } },
          },
        },
        { ConditionCheck: { TableName: 'convene', Key: key, ConditionExpression: 'attribute_exists(pk)' } },
        { Delete: { TableName: 'other', Key: key } },
        { Put: { TableName: 'convene', Item: { ...key, sk: { S: 'c' } } } },
      ],
    }),
    [
      { action: 'dynamodb:PutItem', resource: table },
      { action: 'dynamodb:UpdateItem', resource: table },
      { action: 'dynamodb:ConditionCheckItem', resource: table },
      { action: 'dynamodb:DeleteItem', resource: 'arn:aws:dynamodb:eu-west-2:000000000000:table/other' },
    ],
  ],
  [
    'lib-dynamodb TransactWrite',
    'document',
    new TransactWriteCommand({
      TransactItems: [
        { Put: { TableName: 'convene', Item: docKey } },
        {
          ConditionCheck: { TableName: 'convene', Key: docKey, ConditionExpression: 'attribute_exists(pk)' },
        },
      ],
    }),
    [
      { action: 'dynamodb:PutItem', resource: table },
      { action: 'dynamodb:ConditionCheckItem', resource: table },
    ],
  ],
  [
    'TransactGetItems',
    'dynamodb',
    new TransactGetItemsCommand({ TransactItems: [{ Get: { TableName: 'convene', Key: key } }] }),
    [{ action: 'dynamodb:GetItem', resource: table }],
  ],
  [
    'lib-dynamodb TransactGet',
    'document',
    new TransactGetCommand({ TransactItems: [{ Get: { TableName: 'convene', Key: docKey } }] }),
    [{ action: 'dynamodb:GetItem', resource: table }],
  ],
  [
    'BatchGetItem',
    'dynamodb',
    new BatchGetItemCommand({ RequestItems: { convene: { Keys: [key] } } }),
    [{ action: 'dynamodb:BatchGetItem', resource: table }],
  ],
  [
    'lib-dynamodb BatchGet',
    'document',
    new BatchGetCommand({ RequestItems: { convene: { Keys: [docKey] } } }),
    [{ action: 'dynamodb:BatchGetItem', resource: table }],
  ],
  [
    'BatchWriteItem',
    'dynamodb',
    new BatchWriteItemCommand({ RequestItems: { convene: [{ PutRequest: { Item: key } }] } }),
    [{ action: 'dynamodb:BatchWriteItem', resource: table }],
  ],
  [
    'lib-dynamodb BatchWrite',
    'document',
    new BatchWriteCommand({ RequestItems: { convene: [{ DeleteRequest: { Key: docKey } }] } }),
    [{ action: 'dynamodb:BatchWriteItem', resource: table }],
  ],
  [
    'PutEvents: each entry on its bus, the default bus when none is named',
    'events',
    new PutEventsCommand({
      Entries: [
        { EventBusName: 'convene-local', Source: 's', DetailType: 'd', Detail: '{}' },
        {
          EventBusName: 'arn:aws:events:eu-west-2:000000000000:event-bus/convene-local',
          Source: 's',
          DetailType: 'd',
          Detail: '{}',
        },
        { Source: 's', DetailType: 'd', Detail: '{}' },
      ],
    }),
    [
      {
        action: 'events:PutEvents',
        resource: 'arn:aws:events:eu-west-2:000000000000:event-bus/convene-local',
      },
      { action: 'events:PutEvents', resource: 'arn:aws:events:eu-west-2:000000000000:event-bus/default' },
    ],
  ],
  [
    'CreateSchedule with a role passes the role to Scheduler',
    'scheduler',
    new CreateScheduleCommand(scheduleInput),
    [{ action: 'scheduler:CreateSchedule', resource: schedule }, passRole],
  ],
  [
    'UpdateSchedule with a role passes the role to Scheduler',
    'scheduler',
    new UpdateScheduleCommand(scheduleInput),
    [{ action: 'scheduler:UpdateSchedule', resource: schedule }, passRole],
  ],
  [
    'DeleteSchedule',
    'scheduler',
    new DeleteScheduleCommand({ Name: 'rem-1', GroupName: 'convene-local' }),
    [{ action: 'scheduler:DeleteSchedule', resource: schedule }],
  ],
  [
    'GetSchedule',
    'scheduler',
    new GetScheduleCommand({ Name: 'rem-1', GroupName: 'convene-local' }),
    [{ action: 'scheduler:GetSchedule', resource: schedule }],
  ],
  [
    'SendMessage',
    'sqs',
    new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'x' }),
    [{ action: 'sqs:SendMessage', resource: queue }],
  ],
  [
    'SendMessageBatch is sqs:SendMessage',
    'sqs',
    new SendMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: '1', MessageBody: 'x' }] }),
    [{ action: 'sqs:SendMessage', resource: queue }],
  ],
  [
    'ReceiveMessage',
    'sqs',
    new ReceiveMessageCommand({ QueueUrl: queueUrl }),
    [{ action: 'sqs:ReceiveMessage', resource: queue }],
  ],
  [
    'DeleteMessage',
    'sqs',
    new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: 'r' }),
    [{ action: 'sqs:DeleteMessage', resource: queue }],
  ],
  [
    'DeleteMessageBatch is sqs:DeleteMessage',
    'sqs',
    new DeleteMessageBatchCommand({ QueueUrl: queueUrl, Entries: [{ Id: '1', ReceiptHandle: 'r' }] }),
    [{ action: 'sqs:DeleteMessage', resource: queue }],
  ],
  [
    'ChangeMessageVisibility',
    'sqs',
    new ChangeMessageVisibilityCommand({ QueueUrl: queueUrl, ReceiptHandle: 'r', VisibilityTimeout: 5 }),
    [{ action: 'sqs:ChangeMessageVisibility', resource: queue }],
  ],
  [
    'ChangeMessageVisibilityBatch is sqs:ChangeMessageVisibility',
    'sqs',
    new ChangeMessageVisibilityBatchCommand({
      QueueUrl: queueUrl,
      Entries: [{ Id: '1', ReceiptHandle: 'r', VisibilityTimeout: 5 }],
    }),
    [{ action: 'sqs:ChangeMessageVisibility', resource: queue }],
  ],
  [
    'GetQueueAttributes',
    'sqs',
    new GetQueueAttributesCommand({ QueueUrl: queueUrl }),
    [{ action: 'sqs:GetQueueAttributes', resource: queue }],
  ],
  [
    'SES v2 SendEmail with raw content is ses:SendRawEmail, on the identity and the configuration set',
    'ses',
    new SendEmailCommand({ Content: { Raw: { Data: rawMail } }, ConfigurationSetName: 'convene-local' }),
    [
      { action: 'ses:SendRawEmail', resource: 'arn:aws:ses:eu-west-2:000000000000:identity/convene.local' },
      {
        action: 'ses:SendRawEmail',
        resource: 'arn:aws:ses:eu-west-2:000000000000:configuration-set/convene-local',
      },
    ],
  ],
  [
    'SES v2 SendEmail with simple content is ses:SendEmail',
    'ses',
    new SendEmailCommand({
      FromEmailAddress: 'events@convene.local',
      Destination: { ToAddresses: ['a@example.org'] },
      Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
    }),
    [{ action: 'ses:SendEmail', resource: 'arn:aws:ses:eu-west-2:000000000000:identity/convene.local' }],
  ],
  [
    'GetSecretValue by name is authorised on the full ARN',
    'secrets',
    new GetSecretValueCommand({ SecretId: 'convene/local/x-credentials' }),
    [
      {
        action: 'secretsmanager:GetSecretValue',
        resource: 'arn:aws:secretsmanager:eu-west-2:000000000000:secret:convene/local/x-credentials-AbCdEf',
      },
    ],
  ],
  // A team's members (shared/adapters/team-members.ts): each call is its own action, on the user pool.
  ...(
    [
      [
        'AdminCreateUser',
        new AdminCreateUserCommand({ UserPoolId: 'eu-west-2_Pool1', Username: 'a@example.org' }),
      ],
      [
        'AdminAddUserToGroup',
        new AdminAddUserToGroupCommand({ UserPoolId: 'eu-west-2_Pool1', Username: 'a', GroupName: 'team:x' }),
      ],
      [
        'AdminRemoveUserFromGroup',
        new AdminRemoveUserFromGroupCommand({
          UserPoolId: 'eu-west-2_Pool1',
          Username: 'a',
          GroupName: 'team:x',
        }),
      ],
      [
        'ListUsersInGroup',
        new ListUsersInGroupCommand({ UserPoolId: 'eu-west-2_Pool1', GroupName: 'team:x' }),
      ],
      ['CreateGroup', new CreateGroupCommand({ UserPoolId: 'eu-west-2_Pool1', GroupName: 'team:x' })],
    ] as const
  ).map(([operation, command]): [string, keyof typeof clients, unknown, Permission[]] => [
    `Cognito ${operation} is cognito-idp:${operation} on the user pool`,
    'cognito',
    command,
    [
      {
        action: `cognito-idp:${operation}`,
        resource: 'arn:aws:cognito-idp:eu-west-2:000000000000:userpool/eu-west-2_Pool1',
      },
    ],
  ]),
];

describe('the permissions of each SDK call', () => {
  it.each(cases)('%s', async (_name, client, command, expected) => {
    expect(await sent(client, command)).toEqual(expected);
  });

  it('has a case for every entry and every command it names', () => {
    const named = new Set(cases.map(([, , command]) => (command as object).constructor.name));
    for (const entry of operationPermissions) {
      for (const command of entry.commands)
        expect({ command, tested: named.has(command.split('#')[1]!) }).toEqual({ command, tested: true });
    }
  });

  it('refuses loudly a call it has no mapping for', async () => {
    const { ListSchedulesCommand } = await import('@aws-sdk/client-scheduler');
    await expect(sent('scheduler', new ListSchedulesCommand({}))).rejects.toThrow(UnmappedCallError);
    expect(() => permissionsFor('dynamodb', 'CreateTable', {}, at)).toThrow(
      /no mapping for dynamodb:CreateTable/,
    );
  });
});
