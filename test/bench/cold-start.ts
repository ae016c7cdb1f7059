import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { pageFileCommands, projectRoot, requireShim } from '../../infra/constructs/convene-function';
import { functionEnvironment, localEnvironment } from '../../infra/local/environment';
import type { FunctionSpec } from '../../infra/wiring/types';
import { EnvNames } from '../../shared/config/env';
import { functionEntries } from '../../infra/wiring';

/**
 * Bundled as the team function construct bundles: minified ESM for Node 24, with the CommonJS shim.
 */
const bundle = async (
  entry: string | { contents: string; resolveDir: string },
  outfile: string,
): Promise<Record<string, { bytesInOutput: number }>> => {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: requireShim },
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  // One output file (no splitting, no source map): what went into it, and how much of it each input is.
  return Object.values(result.metafile.outputs)[0]?.inputs ?? {};
};

/** A bundle's input as a person looks for it: the npm package it comes from, or Convene's own folder. */
const inputGroup = (input: string): string => {
  const packages = [...input.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  return packages.at(-1)?.[1] ?? input.split('/').slice(0, 2).join('/');
};

/** The three largest inputs of a bundle (esbuild's metafile), by package or by Convene's folder. */
const largestInputs = (inputs: Record<string, { bytesInOutput: number }>): LargestInput[] => {
  const byGroup = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(inputs))
    byGroup.set(inputGroup(input), (byGroup.get(inputGroup(input)) ?? 0) + bytesInOutput);
  return [...byGroup]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([input, bytes]) => ({ input, kB: Math.round(bytes / 1024) }));
};

const endpoint = 'http://127.0.0.1:9';

/**
 * The environment a function is given, as the local stack gives it (the CDK app's variable names), with
 * endpoints nothing listens on: loading a module connects to nothing.
 */
const environmentOf = (spec: FunctionSpec): Record<string, string> => ({
  ...localEnvironment(
    {
      dynamodb: endpoint,
      eventbridge: endpoint,
      scheduler: endpoint,
      sqs: endpoint,
      sesv2: endpoint,
      secretsmanager: endpoint,
      x: endpoint,
      cognito: endpoint,
      userPool: `${endpoint}/pool`,
    },
    {
      stage: 'bench',
      region: 'eu-west-2',
      accountId: '000000000000',
      tableName: 't',
      eventBusName: 'b',
      scheduleGroupName: 'g',
      sendQueueUrl: 'https://sqs.eu-west-2.amazonaws.com/000000000000/q',
      placesQueueUrl: 'https://sqs.eu-west-2.amazonaws.com/000000000000/p.fifo',
      scheduleDlqArn: 'arn:aws:sqs:eu-west-2:000000000000:d',
      schedulerRoleArn: 'arn:aws:iam::000000000000:role/r',
      tokenKeySecretArn: 'arn:aws:secretsmanager:eu-west-2:000000000000:secret:k',
      xCredentialsSecretName: 'x',
      sesConfigurationSet: 'c',
      userPoolId: 'eu-west-2_bench',
      publicUrl: 'https://convene.example.org',
      pageAssets: { css: 'app.css', js: 'app.js', consoleJs: 'console.js' },
      sesFromAddress: 'events@convene.example.org',
      sendRatePerSecond: 1,
      queueMaxReceiveCount: 5,
    },
  ),
  // The link key given directly rather than read from Secrets Manager: a module load, not a round trip.
  [EnvNames.tokenSecretArn]: '',
  [EnvNames.tokenSecret]: 'bench-link-key',
  // What the CDK app sets on this function alone: an HTTP route's audience and audit action.
  ...functionEnvironment(spec),
});

/** Milliseconds to import a bundle in a fresh Node process (what a cold start pays before the handler). */
const loadOnce = (file: string, environment: Record<string, string>): number => {
  const script = `const t=performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now()-t)`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      env: { ...process.env, ...environment },
    }).trim(),
  );
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return Number.isInteger(middle)
    ? ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2
    : (sorted[Math.floor(middle)] ?? Number.NaN);
};

/**
 * A bundle's median load time and, where it has a floor, the median of its load time over the floor's,
 * each pair loaded one straight after the other: this machine's speed drifts over a minute (other work,
 * its clock), and a pair shares the moment, so the ratio is of the bundles and not of when each was timed.
 * Four pairs settle a ratio far from the goal; one within UNSURE of it gets more pairs, up to MOST_RUNS,
 * until it is clear of the goal (four pairs alone put a function's ratio 0.1-0.3 either side of it), where
 * `sampleMore` (a function over the size goal fails it whatever its load time).
 */
const loadTimes = (
  file: string,
  floorFile: string | null,
  environment: Record<string, string>,
  sampleMore: boolean,
): { ms: number; ratio: number | null; runs: number } => {
  const pairs: { own: number; ratio: number }[] = [];
  const ratio = (): number => median(pairs.map((p) => p.ratio));
  const unsure = (): boolean =>
    sampleMore && floorFile !== null && Math.abs(ratio() - COLD_START_GOALS.loadRatio) < LOAD_RATIO_UNSURE;
  while (pairs.length < FEWEST_RUNS || (pairs.length < MOST_RUNS && unsure())) {
    const own = loadOnce(file, environment);
    pairs.push({ own, ratio: floorFile === null ? Number.NaN : own / loadOnce(floorFile, environment) });
  }
  return {
    ms: median(pairs.map((p) => p.own)),
    ratio: floorFile === null ? null : ratio(),
    runs: pairs.length,
  };
};
const FEWEST_RUNS = 4;
const MOST_RUNS = 8;
/** How near the load-ratio goal a median of a few pairs is not yet a verdict. */
const LOAD_RATIO_UNSURE = 0.08;

export interface LargestInput {
  readonly input: string;
  readonly kB: number;
}

/** Issue 15's goals: a function at most these multiples of its floor; one with no floor, this size. */
export const COLD_START_GOALS = { sizeRatio: 1.2, loadRatio: 1.15, noFloorBytes: 150 * 1024 } as const;

export interface ColdStartRow {
  readonly function: string;
  readonly bytes: number;
  readonly floorBytes: number;
  /** Null where the function uses no SDK client: there is no floor to compare with. */
  readonly sizeRatio: number | null;
  /** Median milliseconds to import the bundle in a fresh process. */
  readonly loadMs: number;
  readonly loadRatio: number | null;
  /** How many times it was loaded (with its floor): more where its ratio was near the goal. */
  readonly loadRuns: number;
  readonly sdkClients: readonly string[];
  /** What the floor holds besides the SDK clients: a page function's template runtime. */
  readonly floorAlso: readonly string[];
  readonly largestInputs: readonly LargestInput[];
  /** Within COLD_START_GOALS. */
  readonly meetsGoal: boolean;
}

/**
 * The template runtime a page function cannot do without: nunjucks' runtime alone, as it renders
 * precompiled templates (the issue's floor for a page function).
 */
const PAGE_RUNTIME = 'nunjucks/browser/nunjucks-slim.js';

/**
 * Each function's bundle against a floor bundle holding only the SDK clients that function uses (and,
 * for a page function, the template runtime): the ratios say what Convene's own code and libraries add
 * to a cold start.
 */
export const coldStart = async (): Promise<ColdStartRow[]> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convene-bench-'));
  const rows: ColdStartRow[] = [];
  // Functions with the same SDK clients share a floor: a dozen floors for seventy functions, each built once.
  const floors = new Map<string, string>();
  try {
    for (const [name, spec] of functionEntries()) {
      // Each bundle in a folder of its own, as in its Lambda package: a page function's templates go beside it.
      const functionDir = path.join(dir, name);
      mkdirSync(functionDir);
      const out = path.join(functionDir, 'index.mjs');
      const inputs = await bundle(path.join('functions', spec.entry, 'handler.ts'), out);
      if (spec.access.pages === 'render') {
        for (const command of pageFileCommands(projectRoot, functionDir))
          execFileSync('bash', ['-c', command], { cwd: projectRoot, stdio: 'inherit' });
      }
      const clients = [
        ...new Set(
          Object.keys(inputs).flatMap(
            (i) => /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(i)?.[1] ?? [],
          ),
        ),
      ].sort();
      const floorAlso = spec.access.pages === 'render' ? [PAGE_RUNTIME] : [];
      const floorSource =
        [...clients, ...floorAlso]
          .map((c, i) => `import * as c${i} from '${c}'; globalThis.k${i} = c${i};`)
          .join('\n') || 'export {};';
      let floorOut = floors.get(floorSource);
      if (floorOut === undefined) {
        floorOut = path.join(dir, `floor-${floors.size}.mjs`);
        await bundle({ contents: floorSource, resolveDir: process.cwd() }, floorOut);
        floors.set(floorSource, floorOut);
      }
      const bytes = statSync(out).size;
      const floorBytes = statSync(floorOut).size;
      const hasFloor = clients.length + floorAlso.length > 0;
      const sizeRatio = hasFloor ? bytes / floorBytes : null;
      // Every bundle is loaded, so one that fails its cold start fails the benchmark.
      // Only a function within the size goal can meet both: the others are timed, not sampled further.
      const withinSize = sizeRatio !== null && sizeRatio <= COLD_START_GOALS.sizeRatio;
      const times = loadTimes(out, hasFloor ? floorOut : null, environmentOf(spec), withinSize);
      rows.push({
        function: name,
        bytes,
        floorBytes,
        sizeRatio,
        loadMs: Math.round(times.ms * 10) / 10,
        loadRatio: times.ratio,
        loadRuns: times.runs,
        sdkClients: clients,
        floorAlso,
        largestInputs: largestInputs(inputs),
        meetsGoal:
          sizeRatio === null || times.ratio === null
            ? bytes <= COLD_START_GOALS.noFloorBytes
            : sizeRatio <= COLD_START_GOALS.sizeRatio && times.ratio <= COLD_START_GOALS.loadRatio,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};
