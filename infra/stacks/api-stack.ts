import { buildAssets } from '../assets/build-assets';
import { NestedStack, RemovalPolicy, type NestedStackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { wiring as defaultWiring } from '../wiring';
import { answersHttp, type Wiring } from '../wiring/types';
import { resourceNames } from '../constructs/names';
import type { Settings } from '../constructs/settings';
import { ConsoleLogin } from '../constructs/console-login';
import { WiredFunctions } from '../constructs/wired-functions';
import { throttlePublicWrites } from '../constructs/abuse-limits';
import { closesExecuteApiEndpoint, PublicAddress } from '../constructs/public-address';
import type { IdentityStack } from './identity-stack';
import type { MessagingStack } from './messaging-stack';
import type { StorageStack } from './storage-stack';

export interface ApiThrottle {
  /** Steady requests per second across the API. */
  readonly rateLimit: number;
  readonly burstLimit: number;
}

export interface ApiStackProps extends NestedStackProps {
  readonly settings: Settings;
  readonly storage: StorageStack;
  readonly identity: IdentityStack;
  readonly messaging: MessagingStack;
  readonly wiring?: Wiring;
  /** @default 100 requests per second, bursts of 200: a registration opening, not a flood */
  readonly throttle?: ApiThrottle;
  /** The WAF web ACL (scope CLOUDFRONT) the public address is protected by. */
  readonly webAclArn: string;
  /** @default <repository>/functions */
  readonly functionsDir?: string;
}

/** Every field of an HTTP API access log line; one JSON object per request. */
const accessLogFields = {
  requestId: '$context.requestId',
  ip: '$context.identity.sourceIp',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
};

/**
 * The HTTP API, and every function of the wiring with its trigger. Functions, routes and rules live
 * together (a route's or rule's invoke permission names both sides), the console's in a nested stack of
 * this one, which only takes from it (the API, the public address), so nothing refers back.
 */
export class ApiStack extends NestedStack {
  readonly httpApi: apigwv2.HttpApi;
  readonly stage: apigwv2.HttpStage;
  readonly functions: WiredFunctions;
  readonly publicAddress: PublicAddress;
  /** The console's nested stack: its functions, their page routes and its sign-in client. */
  readonly console: NestedStack;
  readonly consoleLogin: ConsoleLogin;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { settings, storage, identity, messaging } = props;
    const wiring = props.wiring ?? defaultWiring;
    const names = resourceNames(settings.stage);

    this.httpApi = new apigwv2.HttpApi(this, 'HttpApi', {
      apiName: names.httpApi,
      description: 'Convene: conference registrations, campaigns, social posts and surveys',
      createDefaultStage: false,
      // CloudFront reaches a disabled endpoint only through an API custom domain; else its origin header guards it.
      disableExecuteApiEndpoint: closesExecuteApiEndpoint(settings.domain),
    });
    const accessLog = new logs.LogGroup(this, 'AccessLog', {
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const throttle = props.throttle ?? { rateLimit: 100, burstLimit: 200 };
    this.stage = new apigwv2.HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle,
      accessLogSettings: {
        destination: new apigwv2.LogGroupLogDestination(accessLog),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });
    // Built once per synthesis: the bucket deploys these files, and page functions are told their names.
    const assets = buildAssets();
    this.publicAddress = new PublicAddress(this, 'PublicAddress', {
      stage: settings.stage,
      domain: settings.domain,
      httpApi: this.httpApi,
      httpStage: this.stage,
      webAclArn: props.webAclArn,
      assets,
    });

    // Imported, so a rule target here does not write its rule's ARN into the queue's policy in the messaging
    // nested stack: that would make the two nested stacks depend on each other, a cycle CloudFormation
    // refuses (CDK only warns of it). The policy names these rules itself, by the names they are given.
    const ruleTargetDeadLetterQueue = sqs.Queue.fromQueueAttributes(this, 'RuleTargetDlq', {
      queueArn: messaging.deadLetterQueues.ruleTarget.queue.queueArn,
      queueUrl: messaging.deadLetterQueues.ruleTarget.queue.queueUrl,
    });

    // The console (its functions, their page routes and its app client) in a nested stack of its own: the
    // client's callback names the distribution here, and the console's functions verify that client's tokens.
    this.console = new NestedStack(this, 'Console', {
      description: "Convene: the console's functions, their page routes and its sign-in client",
    });
    this.consoleLogin = new ConsoleLogin(this.console, 'Login', {
      userPool: identity.userPool,
      domain: identity.loginDomain,
      publicUrl: this.publicAddress.url,
    });

    this.functions = new WiredFunctions(this, 'Functions', {
      wiring,
      settings,
      publicUrl: this.publicAddress.url,
      httpApi: this.httpApi,
      // Functions verify the pool's JWTs themselves, so a 401 has API.md's shape (see WiredFunctions.route).
      userPoolAuth: { userPool: identity.userPool, client: identity.client },
      consoleLogin: this.consoleLogin.auth,
      consoleScope: this.console,
      bus: messaging.bus,
      ruleTargetDeadLetterQueue,
      asyncFailureQueue: messaging.deadLetterQueues.asyncFailure.queue,
      queues: messaging.queues,
      functionsDir: props.functionsDir,
      resources: {
        table: storage.table,
        bus: messaging.bus,
        scheduler: {
          groupName: messaging.scheduleGroupName,
          role: messaging.schedulerRole,
          targetBus: messaging.bus,
          deadLetterQueue: messaging.deadLetterQueues.scheduler.queue,
        },
        sendQueue: messaging.queues.send,
        placesQueue: messaging.queues.places,
        ses: {
          fromAddress: settings.sesFromAddress,
          identity: settings.sesIdentity,
          configurationSetName: messaging.configurationSet.configurationSetName,
          sendRatePerSecond: settings.sendRatePerSecond,
        },
        xCredentialsSecretName: settings.xSecretName,
        tokenKey: storage.tokenKey,
        userPool: identity.userPool,
        pageAssets: assets.manifest,
        ...(props.settings.controller ? { privacyController: props.settings.controller } : {}),
        sendingLimits: { sendRatePerSecond: settings.sendRatePerSecond, dailyQuota: settings.sendDailyQuota },
        retention: { days: settings.dataRetentionDays, needsDays: settings.needsRetentionDays },
      },
    });
    // Public writes far below the stage's default, per route: derived from the wiring's public routes.
    throttlePublicWrites(this.stage, this.httpApi, wiring);
    for (const [name, spec] of Object.entries(wiring.functions)) {
      const fn = this.functions.functions[name]!;
      if (answersHttp(spec.trigger)) this.publicAddress.admit(fn);
      // A page names this deployment's asset files: they are uploaded before the function that names them.
      if (spec.access.pages === 'render')
        fn.function.node.addDependency(this.publicAddress.assets.deployment);
    }
  }
}
