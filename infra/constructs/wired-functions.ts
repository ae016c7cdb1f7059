import { Duration, Validations } from 'aws-cdk-lib';
import * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as destinations from 'aws-cdk-lib/aws-lambda-destinations';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { EnvNames, type EnvName } from '../../shared/config/env';
import { routeAudienceEnvironment } from '../../shared/http/route-audience';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { patternFor } from '../../events/contract';
import {
  unmatchedFunctionOf,
  type FunctionSpec,
  type QueueName,
  type Trigger,
  type Wiring,
} from '../wiring/types';
import { bindConsoleLogin, bindUserPool, type ConsoleLoginAuth, type UserPoolAuth } from './auth-settings';
import { bindAudit } from './audit-grants';
import { ConveneFunction } from './convene-function';
import { applyAccess, type AccessResources } from './grants';
import { pascal, resourceNames } from './names';
import { scheduleRule } from './schedule-trigger';
import type { Settings } from './settings';

/** Lambda keeps an asynchronous event at most six hours. */
const maxAsyncEventAgeSeconds = 6 * 60 * 60;

export interface WiredFunctionsProps {
  readonly wiring: Wiring;
  readonly settings: Settings;
  /** The public address every link in mail starts with (the distribution's). */
  readonly publicUrl: string;
  readonly resources: AccessResources;
  readonly httpApi: apigwv2.HttpApi;
  /** Whose tokens the functions behind signed-in routes verify (no route has an API Gateway authoriser). */
  readonly userPoolAuth: UserPoolAuth;
  /** The console's app client and managed login, which console functions ('pages') verify and send people to. */
  readonly consoleLogin: ConsoleLoginAuth;
  /**
   * Where the console's functions ('pages') and their page routes are built: a nested stack of their own,
   * so neither it nor the API's keeps near CloudFormation's 500 resources as areas add pages.
   */
  readonly consoleScope: Construct;
  /** The bus event rules listen on. */
  readonly bus: events.IEventBus;
  /** Where a rule puts an event it could not deliver to its function. */
  readonly ruleTargetDeadLetterQueue: sqs.IQueue;
  /** Where Lambda puts an event a function failed on after its retries. */
  readonly asyncFailureQueue: sqs.IQueue;
  readonly queues: Readonly<Record<QueueName, sqs.IQueue>>;
  /** @default <repository>/functions */
  readonly functionsDir?: string;
}

/**
 * Builds every function of the wiring: one ConveneFunction each, its grants, and its trigger (an HTTP
 * route, a rule on the bus, or a queue). Adding a function is a wiring entry and a folder, nothing here.
 */
export class WiredFunctions extends Construct {
  /** Every function of the wiring, wherever it is built. */
  readonly functions: Readonly<Record<string, ConveneFunction>>;
  /** The console's functions and their page routes, in the console's scope. */
  private readonly consoleFunctions: Construct;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: WiredFunctionsProps,
  ) {
    super(scope, id);
    this.consoleFunctions = new Construct(props.consoleScope, 'Functions');
    const functions: Record<string, ConveneFunction> = {};
    for (const [name, spec] of Object.entries(props.wiring.functions)) {
      const parent = spec.trigger.kind === 'pages' ? this.consoleFunctions : this;
      const fn = new ConveneFunction(parent, pascal(name), {
        entry: spec.entry,
        description: spec.description,
        stage: props.settings.stage,
        publicUrl: props.publicUrl,
        memoryMb: spec.memoryMb,
        timeoutSeconds: spec.timeoutSeconds,
        reservedConcurrency: props.settings.reservedConcurrency[name],
        functionsDir: props.functionsDir,
        access: spec.access,
      });
      applyAccess(fn, spec.access, props.resources);
      this.connect(name, fn, spec);
      functions[name] = fn;
    }
    this.functions = functions;
  }

  private connect(name: string, fn: ConveneFunction, spec: FunctionSpec): void {
    const trigger: Trigger = spec.trigger;
    switch (trigger.kind) {
      case 'http':
        return this.route(name, fn, trigger);
      case 'pages':
        return this.pages(name, fn, trigger);
      case 'event':
        return this.rule(name, fn, trigger);
      case 'queue':
        return this.queue(name, fn, trigger);
      case 'schedule':
        scheduleRule(this, name, fn, trigger);
        return;
      case 'unmatched':
        return this.unmatched(name, fn, trigger);
      default: {
        const unknown: never = trigger;
        throw new Error(`Wiring: ${name} has a trigger this app cannot build: ${JSON.stringify(unknown)}`);
      }
    }
  }

  /** The HTTP API's `$default` route: what no other route matches (API Gateway's own answer is bare JSON). */
  private unmatched(
    name: string,
    fn: ConveneFunction,
    trigger: Extract<Trigger, { kind: 'unmatched' }>,
  ): void {
    unmatchedFunctionOf(this.props.wiring); // API Gateway takes one $default route: two fail here, not at deploy
    const route = new apigwv2.HttpRoute(this, `${pascal(name)}Route`, {
      httpApi: this.props.httpApi,
      routeKey: apigwv2.HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration(`${pascal(name)}Integration`, fn.function),
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    Validations.of(route).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'The $default route only says "not found": it reads nothing and changes nothing.',
    });
    for (const [variable, value] of Object.entries(routeAudienceEnvironment(trigger))) {
      fn.addEnvironment(variable as EnvName, value);
    }
  }

  private route(name: string, fn: ConveneFunction, trigger: Extract<Trigger, { kind: 'http' }>): void {
    const isPublic = trigger.auth === 'public';
    // API Gateway's authoriser would answer {"message":"Unauthorized"}; the function answers API.md's shape.
    const routes = this.props.httpApi.addRoutes({
      path: trigger.path,
      methods: [apigwv2.HttpMethod[trigger.method]],
      integration: new HttpLambdaIntegration(`${pascal(name)}Integration`, fn.function),
      authorizer: new apigwv2.HttpNoneAuthorizer(),
    });
    if (!isPublic || trigger.optionalCaller) bindUserPool(fn, this.props.userPoolAuth);
    bindAudit(fn, this.props.resources.table, [trigger], 'http');
    // The route's audience, as the wiring declares it: the function's check reads it (fails closed without).
    for (const [variable, value] of Object.entries(routeAudienceEnvironment(trigger))) {
      fn.addEnvironment(variable as EnvName, value);
    }
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: isPublic
          ? `${trigger.method} ${trigger.path} is public by design (API.md): delegates have no account.`
          : `${trigger.method} ${trigger.path} is for the ${trigger.auth} group: the function verifies the ` +
            "Cognito JWT with aws-jwt-verify and checks the group, answering 401/403 in API.md's error shape.",
      });
    }
  }

  /**
   * A console area: each page route on the API, all through one integration and one API-scoped permission,
   * so a route costs one resource, in the console's stack beside the function. The function reads the
   * console's session cookie itself, as a token of the console's app client.
   */
  private pages(name: string, fn: ConveneFunction, trigger: Extract<Trigger, { kind: 'pages' }>): void {
    const integration = new HttpLambdaIntegration(`${pascal(name)}Integration`, fn.function, {
      scopePermissionToRoute: false,
    });
    const routes = new Construct(this.consoleFunctions, `${pascal(name)}Routes`);
    for (const { method, path, auth } of trigger.routes) {
      const route = new apigwv2.HttpRoute(routes, `${method}${path}`, {
        httpApi: this.props.httpApi,
        routeKey: apigwv2.HttpRouteKey.with(path, apigwv2.HttpMethod[method]),
        integration,
        authorizer: new apigwv2.HttpNoneAuthorizer(),
      });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          auth === 'public'
            ? `${method} ${path} is the console's way in (sign-in, its callback, sign-out).`
            : `${method} ${path} is a console page for the ${auth} group: the function verifies the ` +
              'Cognito ID token in the session cookie and checks the group, answering a sign-in redirect or a 403 page.',
      });
    }
    bindConsoleLogin(fn, this.props.consoleLogin);
    bindAudit(fn, this.props.resources.table, trigger.routes, 'pages');
  }

  private rule(name: string, fn: ConveneFunction, trigger: Extract<Trigger, { kind: 'event' }>): void {
    const { wiring } = this.props;
    const pattern = patternFor(trigger.events);
    new events.Rule(this, `${pascal(name)}Rule`, {
      eventBus: this.props.bus,
      // The rule-target DLQ's policy admits this rule by this name (see MessagingStack).
      ruleName: resourceNames(this.props.settings.stage).busRule(name),
      description: `${pattern['detail-type'].join(', ')} to ${name}`,
      eventPattern: {
        source: pattern.source,
        detailType: pattern['detail-type'],
        ...(trigger.detail === undefined ? {} : { detail: trigger.detail }),
      },
      targets: [
        new targets.LambdaFunction(fn.function, {
          retryAttempts: wiring.busRetryAttempts,
          maxEventAge: Duration.seconds(wiring.busMaximumEventAgeSeconds),
          deadLetterQueue: this.props.ruleTargetDeadLetterQueue,
        }),
      ],
    });
    // The bus invokes asynchronously: a handler that throws is retried by Lambda, then parked on the queue.
    fn.function.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.seconds(Math.min(wiring.busMaximumEventAgeSeconds, maxAsyncEventAgeSeconds)),
      onFailure: new destinations.SqsDestination(this.props.asyncFailureQueue),
    });
  }

  private queue(name: string, fn: ConveneFunction, trigger: Extract<Trigger, { kind: 'queue' }>): void {
    const spec = this.props.wiring.queues[trigger.queue];
    // Lambda refuses a queue whose messages would reappear while a batch is still being handled.
    if (spec.visibilityTimeoutSeconds < fn.timeout.toSeconds()) {
      throw new Error(
        `Wiring: queue "${trigger.queue}" has a visibility timeout of ${spec.visibilityTimeoutSeconds} s, ` +
          `shorter than the ${fn.timeout.toSeconds()} s timeout of its consumer "${name}"`,
      );
    }
    // A sender has its whole batch in hand at its share of the rate (the rate over maxConcurrency): the
    // batch must go within the function's timeout, or a slow account's batches time out and come back.
    if (this.props.wiring.functions[name]?.access.ses) {
      const instances = trigger.maxConcurrency ?? 1000;
      const batchSeconds = (trigger.batchSize * instances) / this.props.settings.sendRatePerSecond;
      if (batchSeconds >= fn.timeout.toSeconds()) {
        throw new Error(
          `Wiring: "${name}" sends a batch of ${trigger.batchSize} at ${this.props.settings.sendRatePerSecond}/s ` +
            `over ${instances} instances, ${batchSeconds} s a batch, not within its ${fn.timeout.toSeconds()} s ` +
            `timeout: lower its maxConcurrency or batchSize, or raise convene:sendRatePerSecond`,
        );
      }
    }
    // The consumer records a failure on a message's last receive, and splits the send rate between instances.
    fn.function.addEnvironment(EnvNames.queueMaxReceiveCount, String(spec.maxReceiveCount));
    fn.function.addEnvironment(EnvNames.sendConcurrency, String(trigger.maxConcurrency ?? 1000));
    fn.function.addEventSource(
      new SqsEventSource(this.props.queues[trigger.queue], {
        batchSize: trigger.batchSize,
        maxBatchingWindow:
          trigger.maxBatchingWindowSeconds === undefined
            ? undefined
            : Duration.seconds(trigger.maxBatchingWindowSeconds),
        maxConcurrency: trigger.maxConcurrency,
        // Handlers return the failed messages; the rest of the batch is deleted, not retried.
        reportBatchItemFailures: true,
      }),
    );
  }
}
