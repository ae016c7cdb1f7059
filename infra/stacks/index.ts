import { CfnOutput, Stack, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { EventContract } from '../../events/contract';
import { resourceNames } from '../constructs/names';
import { isProductionStage, settingsFromContext, type Settings } from '../constructs/settings';
import { wiring as defaultWiring } from '../wiring';
import type { Wiring } from '../wiring/types';
import { ApiStack } from './api-stack';
import { IdentityStack } from './identity-stack';
import { MessagingStack } from './messaging-stack';
import { StorageStack } from './storage-stack';

export { ApiStack, IdentityStack, MessagingStack, StorageStack };

export interface ConveneOptions {
  /** @default the real wiring (infra/wiring) */
  readonly wiring?: Wiring;
  /** @default read and checked from the scope's CDK context */
  readonly settings?: Settings;
  /** @default every contract in events/ */
  readonly contracts?: readonly EventContract[];
  /** @default <repository>/functions */
  readonly functionsDir?: string;
}

export interface ConveneStacks {
  readonly settings: Settings;
  /** `Convene-<stage>`, the one stack `cdk deploy` deploys: it holds the four nested stacks below. */
  readonly root: Stack;
  readonly storage: StorageStack;
  readonly identity: IdentityStack;
  readonly messaging: MessagingStack;
  readonly api: ApiStack;
}

/**
 * The whole Convene deployment of one stage: one top-level stack, so a plain `cdk deploy` deploys it all,
 * split by concern into nested stacks that each keep a small template. Storage (the table and the
 * link-signing key) and identity hold data and rarely change; messaging holds the bus, queues and their
 * alarms; the API's nested stack holds every function and changes with each. Dependencies point one way,
 * api → the other three; CloudFormation passes the values across as nested-stack outputs and parameters.
 * cdk-nag's AwsSolutions checks run on every resource of every nested stack at synthesis.
 */
export const buildConvene = (scope: Construct, options: ConveneOptions = {}): ConveneStacks => {
  const settings = options.settings ?? settingsFromContext(scope.node);
  const wiring = options.wiring ?? defaultWiring;

  const root = new Stack(scope, resourceNames(settings.stage).stack, {
    description: `Convene (${settings.stage}): conference registrations, campaigns, social posts and surveys`,
    // Protects the whole stage: the nested stacks are deleted only with the stack that holds them.
    terminationProtection: isProductionStage(settings.stage),
  });
  const storage = new StorageStack(root, 'Storage', {
    settings,
    description: 'Convene: the DynamoDB table and the link-signing key',
  });
  const identity = new IdentityStack(root, 'Identity', {
    settings,
    description: 'Convene: the user pool of organisers and the comms team',
  });
  const messaging = new MessagingStack(root, 'Messaging', {
    settings,
    description: 'Convene: event bus, schemas, queues, scheduler, SES events, dead-letter queues and alarms',
    wiring,
    contracts: options.contracts,
  });
  const api = new ApiStack(root, 'Api', {
    settings,
    description: 'Convene: the HTTP API and every function of the wiring',
    storage,
    identity,
    messaging,
    wiring,
    functionsDir: options.functionsDir,
  });

  // On the top-level stack, where `cdk deploy` prints them; CloudFormation hands them up from the nested stacks.
  new CfnOutput(root, 'ApiUrl', { value: api.stage.url });
  new CfnOutput(root, 'UserPoolId', { value: identity.userPool.userPoolId });
  new CfnOutput(root, 'UserPoolClientId', { value: identity.client.userPoolClientId });
  new CfnOutput(root, 'EventBusName', { value: messaging.bus.eventBusName });
  new CfnOutput(root, 'AlarmTopicArn', { value: messaging.alarmTopic.topicArn });

  Tags.of(scope).add('convene:stage', settings.stage);
  // A finding that is not acknowledged (with a reason, where it arises) stops the synthesis. The checks walk
  // the construct tree from the app, so they reach the resources of every nested stack.
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope, { verbose: true }));
  return { settings, root, storage, identity, messaging, api };
};
