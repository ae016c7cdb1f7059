import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SQSEvent } from 'aws-lambda';
import { patternFor } from '../../events/contract';
import { SES_SOURCE } from '../../events/delivery-contracts';
import { useClockSource } from '../../shared/clock';
import { wiring as defaultWiring } from '../wiring';
import type { FunctionSpec, QueueName, QueueSpec, Wiring } from '../wiring/types';
import { VirtualClock } from './clock';
import { ensureTable, startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local';
import { matchesPattern } from './emulators/event-pattern';
import { EventBridgeEmulator } from './emulators/eventbridge';
import { faultSettingsFromEnv } from './emulators/eventbridge-faults';
import { SchedulerEmulator, type FiredSchedule } from './emulators/scheduler';
import { SqsEmulator } from './emulators/sqs';
import { resourceNames } from '../constructs/names';
import { SecretsManagerEmulator } from './emulators/secrets-manager';
import { CognitoEmulator } from './emulators/cognito';
import { localUserPoolId } from './iam/cfn-resolver';
import {
  busArn,
  LOCAL_LINK_KEY,
  localDeployment,
  localEnvironment,
  localXCredentials,
  type LocalResources,
} from './environment';
import { IamAuthoriser } from './iam/authoriser';
import { markOutgoingCalls } from './iam/caller';
import { startIamGateway, type IamGateway } from './iam/gateway';
import type { SigningService } from '../iam/sdk-permissions';
import { localPolicyModel } from './iam/policy-cache';
import { withTableName, type PolicyModel } from './iam/policy-model';
import { buildAssets } from '../assets/build-assets';
import { compileTemplates } from '../assets/compile-templates';
import { startHttpServer } from './http-server';
import { clientLimit, registrationLimitFromEnv } from './client-limit';
import { routesOf, unmatchedRouteOf } from './http-routes';
import { LambdaRuntime } from './lambda-runtime';
import { openLocalUserPool } from './local-auth';
import { localConsoleSignIn, withConsoleSignIn } from './console-sign-in';
import { localRoutes } from './local-routes';
import { resetLocalState } from './reset';
import { startScheduleTriggers } from './schedule-triggers';
import { startLocalSes, type LocalSes } from './ses-local';
import { WorkTracker } from './work-tracker';
import { startXFake, type XFake } from './x-fake';

export interface LocalStackOptions {
  /** Port of the HTTP API; 0 picks a free one. */
  readonly port?: number;
  /** Port of the mail viewer (aws-ses-v2-local); 0 picks a free one. */
  readonly mailPort?: number;
  /** Folder for data kept across restarts (DynamoDB, schedules, clock); in memory when absent. */
  readonly dataDir?: string;
  /** An already running DynamoDB Local to use instead of starting one (tests share one). */
  readonly dynamodbEndpoint?: string;
  readonly tableName?: string;
  readonly stage?: string;
  /** Real-time visibility timeout of the local queues; the wiring's by default, as on AWS. */
  readonly visibilityTimeoutMs?: number;
  /**
   * Real-time batching window of the queues' event source mappings; the wiring's by default, as on AWS.
   * Tests set 0: a batch then holds what is waiting, and no mail waits a real second for company.
   */
  readonly batchingWindowMs?: number;
  readonly wiring?: Wiring;
  readonly root?: string;
  /**
   * The sender's claim lease in seconds (300 by default, as on AWS). Tests of a crashed send shorten it, so
   * the send's next delivery comes within the test rather than five minutes later.
   */
  readonly sendClaimLeaseSeconds?: number;
  /**
   * Changes the synthesized policies before they are enforced: a test takes a grant away to see the
   * check bite. The CDK app's own policies when absent.
   */
  readonly policies?: (model: PolicyModel) => PolicyModel;
  /** Real-time period of the wiring's 'schedule' triggers (the outbox sweeper); their own rate by default. */
  readonly scheduledEveryMs?: number;
  /** Public writes per client address a minute (burst as many); 0 turns it off. REGISTRATION_LIMIT_PER_MINUTE, else 20. */
  readonly registrationLimitPerMinute?: number;
  /**
   * How long after accepting a send the local SES puts its events on the bus; 50 ms by default, so tests
   * wait little. On AWS they go out after SES's answer by way of EventBridge (no latency is published for
   * that path); a bench of what settles a send sets it long enough that nothing it holds back overtakes it.
   */
  readonly sesEventDelayMs?: number;
}

export interface LocalStack {
  readonly url: string;
  readonly mailViewerUrl: string;
  readonly clock: VirtualClock;
  readonly bus: EventBridgeEmulator;
  readonly scheduler: SchedulerEmulator;
  readonly queues: SqsEmulator;
  readonly ses: LocalSes;
  /** The fake X API the poster talks to (unless real credentials are configured). */
  readonly x: XFake;
  readonly runtime: LambdaRuntime;
  readonly resources: LocalResources;
  /** The local IAM boundary every function's AWS calls pass (and what it refused). */
  readonly iam: IamGateway;
  /** The local Secrets Manager (the link-signing key, the X credentials). */
  readonly secrets: SecretsManagerEmulator;
  /** The local Cognito user pool's user administration: a team's members and the invitations mailed. */
  readonly cognito: CognitoEmulator;
  /** The key the local stack signs delegates' links with (its secret's value). */
  readonly linkKey: string;
  settle(): Promise<void>;
  advanceClock(to: Date): Promise<Date>;
  stop(): Promise<void>;
}

/**
 * Builds on one machine what the CDK app builds on AWS, from the same wiring: DynamoDB Local, a local
 * SES with its mail viewer, the bus, scheduler and queue emulators, and the HTTP API, all on loopback.
 */
export const startLocalStack = async (options: LocalStackOptions = {}): Promise<LocalStack> => {
  const wiring = options.wiring ?? defaultWiring;
  const root = options.root ?? process.cwd();
  const stage = options.stage ?? 'local';
  const dataDir = options.dataDir;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const clockFile = dataDir ? path.join(dataDir, 'clock.json') : undefined;
  const savedOffset =
    clockFile && existsSync(clockFile)
      ? Number((JSON.parse(readFileSync(clockFile, 'utf8')) as { offsetMs?: number }).offsetMs ?? 0)
      : 0;
  const clock = new VirtualClock(savedOffset);
  const tracker = new WorkTracker();
  const stoppers: (() => Promise<void>)[] = [];

  try {
    let dynamo: DynamoDbLocal | undefined;
    const dynamoEndpoint =
      options.dynamodbEndpoint ??
      (dynamo = await startDynamoDbLocal(dataDir ? { dataDir: path.join(dataDir, 'dynamodb') } : {}))
        .endpoint;
    if (dynamo) stoppers.push(() => dynamo.stop());

    const deployment = localDeployment(stage);
    const { region, accountId, xSecretName } = deployment;
    const names = resourceNames(stage);
    const sesFromAddress = process.env.SES_FROM_ADDRESS ?? 'Convene <events@convene.local>';
    // The policies the CDK app synthesizes for this stage, read from the cache or synthesized once.
    const synthesized = await localPolicyModel(root, deployment);
    // The pages' stylesheet and script, built as the CDK app builds them for S3 (cached by their sources).
    const assets = buildAssets();
    // The page templates, compiled as a function's package carries them (cached by their sources).
    compileTemplates();

    const ses = await startLocalSes({
      viewerPort: options.mailPort ?? 0,
      now: () => clock.now(),
      accountId,
      region,
      track: () => tracker.begin(),
      ...(dataDir ? { dataDir } : {}),
      ...(options.sesEventDelayMs === undefined ? {} : { eventDelayMs: options.sesEventDelayMs }),
    });
    stoppers.push(() => ses.stop());

    const eventBusName = names.eventBus;
    const bus = new EventBridgeEmulator({
      clock,
      tracker,
      region,
      accountId,
      buses: [eventBusName],
      faults: faultSettingsFromEnv(),
    });
    const busServer = await bus.listen();
    stoppers.push(() => busServer.close());

    // SES publishes its sending events to the default bus, where the messaging stack's rule forwards those
    // of Convene's configuration set to Convene's bus; locally the same pattern picks them straight over.
    const sesForwarding = {
      source: [SES_SOURCE],
      detail: { mail: { tags: { 'ses:configuration-set': [names.sesConfigurationSet] } } },
    };
    ses.onEvents(async (entries) => {
      const forwarded = entries.filter((e) =>
        matchesPattern(sesForwarding, { source: e.Source, detail: JSON.parse(e.Detail) as unknown }),
      );
      if (forwarded.length === 0) return;
      const result = await bus.putEvents(forwarded.map((e) => ({ ...e, EventBusName: eventBusName })));
      if ((result.FailedEntryCount ?? 0) > 0)
        throw new Error(result.Entries?.find((e) => e.ErrorCode)?.ErrorMessage ?? 'PutEvents failed');
    });

    const x = await startXFake(() => clock.now());
    stoppers.push(() => x.close());

    const queues = new SqsEmulator({ tracker, region, accountId });
    const queueServer = await queues.listen();
    stoppers.push(() => queues.close());

    const secrets = new SecretsManagerEmulator({ region, accountId });
    const secretsServer = await secrets.listen();
    stoppers.push(() => secretsServer.close());
    const cognito = new CognitoEmulator(localUserPoolId(region), () => clock.now());
    const cognitoServer = await cognito.listen();
    stoppers.push(() => cognitoServer.close());
    const linkKey = process.env.LOCAL_TOKEN_SECRET ?? LOCAL_LINK_KEY;
    const tokenKeyArn = synthesized.tokenKeySecretArn;
    secrets.put(tokenKeyArn.slice(tokenKeyArn.lastIndexOf(':') + 1, -7), linkKey, tokenKeyArn);
    secrets.put(xSecretName, localXCredentials());

    // Every AWS endpoint the functions reach sits behind the IAM gateway, which checks each call against
    // the function's synthesized policies; the gateway learns each upstream as it starts.
    const policyModel = withTableName(synthesized, options.tableName ?? `convene-${stage}`);
    const upstreams: Partial<Record<SigningService, string>> = {
      dynamodb: dynamoEndpoint,
      events: busServer.url,
      sqs: queueServer.url,
      ses: ses.endpoint,
      secretsmanager: secretsServer.url,
      'cognito-idp': cognitoServer.url,
    };
    const iam = await startIamGateway({
      upstreams,
      authoriser: new IamAuthoriser(options.policies ? options.policies(policyModel) : policyModel),
      callSite: {
        region,
        accountId,
        secretArnOf: (id) => secrets.arnOf(id),
        // Locally the from-address's domain is the verified identity, as `convene:sesIdentity` is on AWS.
        sesIdentityOf: (address) => address.slice(address.lastIndexOf('@') + 1).toLowerCase(),
      },
      onDenial: (denial) =>
        process.stderr.write(`local IAM: denied ${denial.functionName}: ${denial.message}\n`),
    });
    stoppers.push(() => iam.close());
    stoppers.push(async () => stopMarking());
    const stopMarking = markOutgoingCalls();

    const queueUrls = {} as Record<QueueName, string>;
    const queueSpecs: Readonly<Record<QueueName, QueueSpec>> = wiring.queues;
    for (const [name, spec] of Object.entries(queueSpecs) as [QueueName, QueueSpec][]) {
      const visibilityTimeoutMs = options.visibilityTimeoutMs ?? spec.visibilityTimeoutSeconds * 1000;
      const fifo = spec.fifo ?? false;
      const dlq = names.queueDlq(name, fifo);
      queues.createQueue(dlq, { visibilityTimeoutMs, fifo });
      // Queue URLs name the gateway's host: the SQS client may send a call to its queue URL's host.
      queueUrls[name] = queues
        .createQueue(names.queue(name, fifo), {
          visibilityTimeoutMs,
          maxReceiveCount: spec.maxReceiveCount,
          deadLetterQueue: dlq,
          fifo,
        })
        .replace(queueServer.url, iam.url);
    }
    queues.createQueue(names.schedulerDlq, { visibilityTimeoutMs: 30_000 });

    const draftResources = {
      stage,
      region,
      accountId,
      tableName: options.tableName ?? `convene-${stage}`,
      eventBusName,
      scheduleGroupName: names.scheduleGroup,
      sendQueueUrl: queueUrls.send,
      placesQueueUrl: queueUrls.places,
      scheduleDlqArn: `arn:aws:sqs:${region}:${accountId}:${names.schedulerDlq}`,
      schedulerRoleArn: synthesized.schedulerRoleArn,
      tokenKeySecretArn: tokenKeyArn,
      userPoolId: cognito.userPoolId,
      xCredentialsSecretName: xSecretName,
      sesConfigurationSet: names.sesConfigurationSet,
      publicUrl: process.env.PUBLIC_URL ?? '',
      pageAssets: assets.manifest,
      sesFromAddress,
      sendRatePerSecond: Number(process.env.SEND_RATE_PER_SECOND ?? 50),
      queueMaxReceiveCount: wiring.queues.send.maxReceiveCount,
      ...(options.sendClaimLeaseSeconds === undefined
        ? {}
        : { sendClaimLeaseSeconds: options.sendClaimLeaseSeconds }),
    };

    const runtime = new LambdaRuntime(root, wiring.functions);
    let resources: LocalResources = draftResources;
    const scheduler = new SchedulerEmulator({
      clock,
      tracker,
      region,
      accountId,
      ...(dataDir ? { stateFile: path.join(dataDir, 'schedules.json') } : {}),
      deliver: async (fired: FiredSchedule) => {
        // Convene's schedules target the bus (the universal PutEvents target), as on AWS.
        if (fired.target.Arn !== busArn(resources))
          throw new Error(`Unknown schedule target ${fired.target.Arn}`);
        const parameters = fired.target.EventBridgeParameters;
        if (!parameters) throw new Error(`Schedule ${fired.name} has no EventBridgeParameters`);
        const result = await bus.putEvents([
          {
            EventBusName: eventBusName,
            Source: parameters.Source,
            DetailType: parameters.DetailType,
            Detail: fired.target.Input ?? '{}',
          },
        ]);
        if ((result.FailedEntryCount ?? 0) > 0)
          throw new Error(result.Entries?.[0]?.ErrorMessage ?? 'PutEvents failed');
      },
    });
    scheduler.createGroup(resources.scheduleGroupName);
    const schedulerServer = await scheduler.listen();
    upstreams.scheduler = schedulerServer.url;
    stoppers.push(async () => {
      scheduler.stopTicking();
      await schedulerServer.close();
    });

    const settle = async (): Promise<void> => tracker.idle();
    // The operator's client (not a function's): it makes the table, and drops it on POST /local/reset.
    const tableClient = new DynamoDBClient({
      endpoint: dynamoEndpoint,
      region,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    let advancing: Promise<unknown> = Promise.resolve();
    const saveClock = (): void => {
      if (clockFile) writeFileSync(clockFile, JSON.stringify({ offsetMs: clock.offset }));
    };
    /** Steps the clock from one due schedule to the next, letting the work each starts finish. */
    const advanceClock = (to: Date): Promise<Date> => {
      const run = advancing.then(async () => {
        await settle();
        for (let next = scheduler.nextDueAt(); next && next <= to; next = scheduler.nextDueAt()) {
          clock.advanceTo(next);
          await scheduler.fireDue(next);
          await settle();
        }
        clock.advanceTo(to);
        await scheduler.fireDue(clock.now());
        await settle();
        saveClock();
        return clock.now();
      });
      advancing = run.catch(() => undefined);
      return run;
    };

    const userPool = await openLocalUserPool(dataDir);
    const http = await startHttpServer({
      jwks: userPool.jwks,
      assetsDir: assets.dir,
      port: options.port ?? 3000,
      routes: routesOf(wiring),
      unmatched: unmatchedRouteOf(wiring),
      runtime,
      clientLimit: clientLimit(wiring, options.registrationLimitPerMinute ?? registrationLimitFromEnv()),
      now: () => clock.now(),
      localRoutes: withConsoleSignIn(
        localConsoleSignIn(assets.manifest),
        localRoutes({
          now: () => clock.now(),
          advanceClock,
          settle,
          mail: (to) => ses.mail(to),
          events: () => bus.archive,
          deadLetters: () => ({
            bus: bus.deadLetters,
            scheduler: scheduler.deadLetters,
            ...Object.fromEntries(
              Object.entries(queueSpecs).map(([q, spec]) => [q, queues.peek(names.queueDlq(q, spec.fifo))]),
            ),
          }),
          // SQS's DLQ redrive (StartMessageMoveTask on AWS): the DLQ's messages back to their work queue.
          redrive: (queue) =>
            Object.hasOwn(wiring.queues, queue)
              ? queues.moveMessages(
                  names.queueDlq(queue, queueSpecs[queue as QueueName].fifo),
                  names.queue(queue, queueSpecs[queue as QueueName].fifo),
                )
              : undefined,
          refuseSes: (refusal) => {
            ses.refuse(refusal);
            return ses.refusal();
          },
          sesRefusal: () => ses.refusal(),
          schedules: () => scheduler.list(),
          xPosts: () => x.posts(),
          busFaults: bus.faults,
          reset: async () => {
            // After a clock move in progress; the next waits until the reset is done.
            const table = { client: tableClient, name: resources.tableName };
            const run = advancing.then(() =>
              resetLocalState({ settle, table, ses, scheduler, clock, saveClock }),
            );
            advancing = run.catch(() => undefined);
            await run;
          },
        }),
      ),
    });
    stoppers.push(() => http.close());

    // The API's own address is the public URL in links unless PUBLIC_URL says otherwise.
    resources = { ...draftResources, publicUrl: draftResources.publicUrl || http.url };
    Object.assign(
      process.env,
      localEnvironment(
        {
          dynamodb: iam.url,
          eventbridge: iam.url,
          scheduler: iam.url,
          sqs: iam.url,
          sesv2: iam.url,
          secretsmanager: iam.url,
          cognito: iam.url,
          x: x.url,
          userPool: userPool.serveAt(http.url),
        },
        resources,
      ),
    );
    await ensureTable(tableClient, resources.tableName);
    useClockSource(() => clock.nowMs());
    await runtime.loadAll();

    for (const [name, spec] of Object.entries(wiring.functions) as [string, FunctionSpec][]) {
      const trigger = spec.trigger;
      if (trigger.kind === 'event') {
        bus.addRule({
          name: names.busRule(name),
          eventBusName,
          pattern: { ...patternFor(trigger.events), ...(trigger.detail ? { detail: trigger.detail } : {}) },
          maximumRetryAttempts: Math.min(wiring.busRetryAttempts, 3),
          target: async (event) => {
            await runtime.invoke(name, event);
          },
        });
      } else if (trigger.kind === 'queue') {
        queues.subscribe(names.queue(trigger.queue, queueSpecs[trigger.queue].fifo), {
          batchSize: trigger.batchSize,
          maxBatchingWindowMs: options.batchingWindowMs ?? (trigger.maxBatchingWindowSeconds ?? 0) * 1000,
          ...(trigger.maxConcurrency ? { maxConcurrency: trigger.maxConcurrency } : {}),
          handler: (event: SQSEvent) => runtime.invoke(name, event),
        });
      }
    }

    scheduler.startTicking(1000);
    const stopScheduleTriggers = startScheduleTriggers({
      wiring,
      invoke: (name, event) => runtime.invoke(name, event),
      tracker,
      region,
      accountId,
      now: () => clock.now(),
      ...(options.scheduledEveryMs === undefined ? {} : { everyMs: options.scheduledEveryMs }),
    });
    stoppers.push(async () => stopScheduleTriggers());

    return {
      url: http.url,
      mailViewerUrl: ses.viewerUrl,
      clock,
      bus,
      scheduler,
      queues,
      ses,
      x,
      runtime,
      resources,
      iam,
      secrets,
      cognito,
      linkKey,
      settle,
      advanceClock,
      stop: async () => {
        for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
        saveClock();
      },
    };
  } catch (error) {
    for (const stop of stoppers.reverse()) await stop().catch(() => undefined);
    throw error;
  }
};
