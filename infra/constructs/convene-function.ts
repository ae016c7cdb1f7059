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
import { COMPILED_TEMPLATES_DIR } from '../../shared/pages/template-loader';
import { compileTemplates } from '../assets/compile-templates';
import type { Access } from '../wiring/types';

/** The repository root: bundles resolve packages from its package-lock.json and node_modules. */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
export const defaultFunctionsDir = path.join(projectRoot, 'functions');

export const FunctionDefaults = { memoryMb: 512, timeoutSeconds: 10 } as const;

/**
 * Lets CommonJS dependencies that call require() run inside the ESM bundle. Its import has a name of its
 * own: a bundled module importing `createRequire` itself (shared/pages/template-loader.ts) would otherwise declare
 * it twice in an unminified bundle.
 */
export const requireShim =
  "import { createRequire as bundleCreateRequire } from 'module'; const require = bundleCreateRequire(import.meta.url);";

/** A path as one word of a POSIX shell command. */
const quoted = (value: string): string => `'${value.replaceAll("'", "'\\''")}'`;

/**
 * The shell commands that put beside a page function's bundle what shared/pages/render.ts reads at run
 * time: the page templates, Convene's and GOV.UK Frontend's, compiled (compileTemplates, cached by its
 * inputs, so this is a file read after the first function). `mkdir -p` and `cp -R` behave alike on Linux
 * (the bundling image included) and macOS. The benchmark and the bundle test run the same commands.
 */
export const pageFileCommands = (inputDir: string, outputDir: string): string[] => {
  const compiled = path.relative(projectRoot, compileTemplates());
  const target = path.posix.join(outputDir, COMPILED_TEMPLATES_DIR);
  return [
    `mkdir -p ${quoted(target)}`,
    `cp -R ${quoted(`${path.posix.join(inputDir, ...compiled.split(path.sep))}/.`)} ${quoted(target)}`,
    `rm -f ${quoted(`${target}/.inputs`)}`,
  ];
};

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
  /**
   * The function's wiring access, as far as its bundle depends on it: with `pages: 'render'` the bundle
   * carries the templates it renders.
   */
  readonly access?: Access;
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
  /** Whether the bundle carries the page templates (wiring access `pages: 'render'`). */
  readonly rendersPages: boolean;

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
    this.rendersPages = props.access?.pages === 'render';
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
        banner: requireShim,
        // The compiled templates are read from files at run time, so they go beside the bundle (render.ts finds them).
        ...(this.rendersPages
          ? {
              commandHooks: {
                beforeBundling: () => [],
                beforeInstall: () => [],
                afterBundling: pageFileCommands,
              },
            }
          : {}),
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
