import {
  CfnOutput,
  CrossStackReferences,
  ReferenceStrength,
  Stack,
  Tags,
  Validations,
  type Environment,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import type { EventContract } from '../../events/contract';
import { resourceNames } from '../constructs/names';
import {
  checkReservedConcurrency,
  isProductionStage,
  settingsFromContext,
  type Settings,
} from '../constructs/settings';
import { wiring as defaultWiring } from '../wiring';
import type { Wiring } from '../wiring/types';
import { ApiStack } from './api-stack';
import { EdgeStack } from './edge-stack';
import { IdentityStack } from './identity-stack';
import { MessagingStack } from './messaging-stack';
import { StorageStack } from './storage-stack';

export { ApiStack, EdgeStack, IdentityStack, MessagingStack, StorageStack };

export interface ConveneOptions {
  /** @default the real wiring (infra/wiring) */
  readonly wiring?: Wiring;
  /** @default read and checked from the scope's CDK context */
  readonly settings?: Settings;
  /** @default every contract in events/ */
  readonly contracts?: readonly EventContract[];
  /** @default <repository>/functions */
  readonly functionsDir?: string;
  /** @default the CLI's account and region (CDK_DEFAULT_*), or eu-west-2 where there is none (tests) */
  readonly env?: Environment;
}

/** The region the app is built for when nothing says: where Convene's delegates are. */
export const fallbackRegion = 'eu-west-2';

/** Cross-region references need the app's region to be known when it is built, not only at deployment. */
const defaultEnv = (): Environment => ({
  account: process.env.CDK_DEFAULT_ACCOUNT,
  region: process.env.CDK_DEFAULT_REGION ?? fallbackRegion,
});

export interface ConveneStacks {
  readonly settings: Settings;
  /** `Convene-<stage>`, the one stack `cdk deploy` deploys: it holds the four nested stacks below. */
  readonly root: Stack;
  readonly storage: StorageStack;
  readonly identity: IdentityStack;
  readonly messaging: MessagingStack;
  readonly api: ApiStack;
  /** `Convene-<stage>-Edge`, in us-east-1: the web ACL CloudFront takes only from there. */
  readonly edge: EdgeStack;
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
  checkReservedConcurrency(settings, Object.keys(wiring.functions));
  const env = options.env ?? defaultEnv();
  const names = resourceNames(settings.stage);

  const edge = new EdgeStack(scope, names.edgeStack, {
    env: { account: env.account, region: 'us-east-1' },
    description: `Convene (${settings.stage}): the WAF web ACL of the CloudFront distribution, in us-east-1`,
    terminationProtection: isProductionStage(settings.stage),
    settings,
    wiring,
  });
  const root = new Stack(scope, names.stack, {
    env,
    crossRegionReferences: true,
    description: `Convene (${settings.stage}): conference registrations, campaigns, social posts and surveys`,
    // Protects the whole stage: the nested stacks are deleted only with the stack that holds them.
    terminationProtection: isProductionStage(settings.stage),
  });
  // What the stage reads from the edge stack it reads with Fn::GetStackOutput, which needs no custom resource
  // (a strong cross-region reference adds a Lambda-backed SSM writer there and a reader here).
  CrossStackReferences.of(root).consume(ReferenceStrength.WEAK);
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
    webAclArn: edge.webAcl.webAcl.attrArn,
  });

  // On the top-level stack, where `cdk deploy` prints them; CloudFormation hands them up from the nested stacks.
  new CfnOutput(root, 'PublicUrl', {
    description: 'The one public address: the base of every link in mail, the event pages and the API',
    value: api.publicAddress.url,
  });
  new CfnOutput(root, 'DistributionDomainName', {
    description:
      "The distribution's own domain: the target of the custom domain's DNS record (CNAME or alias)",
    value: api.publicAddress.distribution.distributionDomainName,
  });
  new CfnOutput(root, 'ApiUrl', {
    description:
      "The API's own execute-api endpoint, disabled with convene:originCertificateArn; HTTP functions get the " +
      'header to tell requests that came through the distribution',
    value: api.stage.url,
  });
  new CfnOutput(root, 'UserPoolId', { value: identity.userPool.userPoolId });
  new CfnOutput(root, 'UserPoolClientId', { value: identity.client.userPoolClientId });
  new CfnOutput(root, 'EventBusName', { value: messaging.bus.eventBusName });
  new CfnOutput(root, 'AlarmTopicArn', { value: messaging.alarmTopic.topicArn });

  Tags.of(scope).add('convene:stage', settings.stage);
  // A finding that is not acknowledged (with a reason, where it arises) stops the synthesis. The checks walk
  // the construct tree from the app, so they reach the resources of every nested stack.
  Validations.of(scope).addPlugins(new AwsSolutionsChecks(scope, { verbose: true }));
  return { settings, root, storage, identity, messaging, api, edge };
};
