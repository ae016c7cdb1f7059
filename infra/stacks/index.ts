import { CrossStackReferences, ReferenceStrength, Tags, Validations } from 'aws-cdk-lib';
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

const crossStackReferencesKey = '@aws-cdk/core:defaultCrossStackReferences';

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
  readonly storage: StorageStack;
  readonly identity: IdentityStack;
  readonly messaging: MessagingStack;
  readonly api: ApiStack;
}

/**
 * The whole Convene deployment of one stage, as stacks split by how often they change: storage and
 * identity hold data and rarely change; messaging holds the bus, queues and their alarms; the API stack
 * holds every function and changes with each. Dependencies point one way: api → the other three.
 * cdk-nag's AwsSolutions checks run on every stack at synthesis.
 */
export const buildConvene = (scope: Construct, options: ConveneOptions = {}): ConveneStacks => {
  const settings = options.settings ?? settingsFromContext(scope.node);
  const wiring = options.wiring ?? defaultWiring;
  const prefix = resourceNames(settings.stage).stackPrefix;
  const common = { settings, terminationProtection: isProductionStage(settings.stage) };
  // Strong (export/import) references unless cdk.json chooses otherwise: CloudFormation will not delete the
  // table or the bus while a function uses it. Producers keep their exports stable (exportValue), so the
  // wiring can change without the "deadly embrace".
  if (scope.node.tryGetContext(crossStackReferencesKey) === undefined) {
    CrossStackReferences.of(scope).consume(ReferenceStrength.STRONG);
  }

  const storage = new StorageStack(scope, `${prefix}-Storage`, {
    ...common,
    description: 'Convene: the DynamoDB table',
  });
  const identity = new IdentityStack(scope, `${prefix}-Identity`, {
    ...common,
    description: 'Convene: the user pool of organisers and the comms team',
  });
  const messaging = new MessagingStack(scope, `${prefix}-Messaging`, {
    ...common,
    description: 'Convene: event bus, schemas, queues, scheduler, SES events, dead-letter queues and alarms',
    wiring,
    contracts: options.contracts,
  });
  const api = new ApiStack(scope, `${prefix}-Api`, {
    ...common,
    description: 'Convene: the HTTP API and every function of the wiring',
    storage,
    identity,
    messaging,
    wiring,
    functionsDir: options.functionsDir,
  });

  Tags.of(scope).add('convene:stage', settings.stage);
  // A finding that is not acknowledged (with a reason, where it arises) stops the synthesis.
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope, { verbose: true }));
  return { settings, storage, identity, messaging, api };
};
