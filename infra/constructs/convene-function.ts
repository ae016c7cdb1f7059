import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { EnvNames, type EnvName } from '../../shared/config/env';

/** The repository root: bundles resolve packages from its package-lock.json and node_modules. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultFunctionsDir = path.join(projectRoot, 'functions');

export const FunctionDefaults = { memoryMb: 512, timeoutSeconds: 10 } as const;

export interface ConveneFunctionProps {
  /** Folder under the functions directory holding handler.ts, which exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly stage: string;
  readonly publicUrl: string;
  readonly memoryMb?: number;
  readonly timeoutSeconds?: number;
  /** Reserved concurrency (`convene:reservedConcurrency`); unreserved when absent. */
  readonly reservedConcurrency?: number;
  /** @default one month */
  readonly logRetention?: logs.RetentionDays;
  /** @default RemovalPolicy.DESTROY: the log group goes with the function */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** @default <repository>/functions */
  readonly functionsDir?: string;
}

/**
 * Convene's one Lambda function shape: Node.js 24 on arm64, a minified ESM bundle with source maps,
 * its own log group with a retention, and a role that may write only to that log group until grants
 * (infra/constructs/grants.ts) add more.
 */
export class ConveneFunction extends Construct implements iam.IGrantable {
  readonly function: NodejsFunction;
  readonly logGroup: logs.LogGroup;
  readonly role: iam.Role;
  readonly grantPrincipal: iam.IPrincipal;
  readonly timeout: Duration;
  /** The handler's source file: grants read from it which calls the code can make (reached-actions.ts). */
  readonly entryFile: string;

  constructor(scope: Construct, id: string, props: ConveneFunctionProps) {
    super(scope, id);
    this.timeout = Duration.seconds(props.timeoutSeconds ?? FunctionDefaults.timeoutSeconds);

    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention ?? logs.RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // An own role instead of the AWSLambdaBasicExecutionRole managed policy, which may write to any log group.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Convene ${props.stage} ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);
    this.grantPrincipal = this.role;

    const entry = path.join(props.functionsDir ?? defaultFunctionsDir, props.entry, 'handler.ts');
    this.entryFile = entry;
    this.function = new NodejsFunction(this, 'Function', {
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memoryMb ?? FunctionDefaults.memoryMb,
      timeout: this.timeout,
      ...(props.reservedConcurrency === undefined
        ? {}
        : { reservedConcurrentExecutions: props.reservedConcurrency }),
      role: this.role,
      logGroup: this.logGroup,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      ...this.code(entry),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: 'convene',
        POWERTOOLS_METRICS_NAMESPACE: 'Convene',
        [EnvNames.stage]: props.stage,
        [EnvNames.publicUrl]: props.publicUrl,
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node24',
        platform: 'node',
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        // Stack traces need only the mappings; leaving the sources out keeps the map small to load.
        sourcesContent: false,
        mainFields: ['module', 'main'],
        // The SDK clients are bundled (and tree-shaken) so a function runs the versions it was tested with.
        bundleAwsSDK: true,
        // Lets CommonJS dependencies that call require() run inside the ESM bundle.
        banner: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
      },
    });
  }

  addEnvironment(name: EnvName, value: string): this {
    this.function.addEnvironment(name, value);
    return this;
  }

  /**
   * Where the handler is missing and this stack is not being bundled (unit tests, `cdk ls`, deploying
   * another stack), a placeholder stands in so the template can still be built; bundling a stack whose
   * handler is missing fails with the NodejsFunction's "Cannot find entry file" error.
   */
  private code(entry: string): { entry: string } | { code: lambda.Code; handler: string } {
    if (existsSync(entry) || Stack.of(this).bundlingRequired) return { entry };
    return {
      code: lambda.Code.fromInline('export const handler = () => { throw new Error("not bundled"); };'),
      handler: 'index.handler',
    };
  }
}
