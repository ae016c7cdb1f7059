import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import {
  pageFileCommands,
  projectRoot,
  requireShim,
  unbundledModules,
} from '../../infra/constructs/convene-function';
import { functionEntries } from '../../infra/wiring';

/**
 * Bundled as the team function construct bundles: minified ESM for Node 24, with the CommonJS shim and the
 * same modules left out.
 */
const bundle = async (
  entry: string | { contents: string; resolveDir: string },
  outfile: string,
): Promise<string[]> => {
  const result = await build({
    ...(typeof entry === 'string' ? { entryPoints: [entry] } : { stdin: { ...entry, loader: 'ts' } }),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    mainFields: ['module', 'main'],
    banner: { js: requireShim },
    external: [...unbundledModules],
    outfile,
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
};

/** Median time to import a bundle in a fresh Node process (what a cold start pays before the handler). */
const loadMs = (file: string, runs: number): number => {
  const script = `const t=performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now()-t)`;
  const times = Array.from({ length: runs }, () =>
    Number(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        encoding: 'utf8',
        env: {
          ...process.env,
          TABLE_NAME: 't',
          EVENT_BUS_NAME: 'b',
          SEND_QUEUE_URL: 'https://sqs.eu-west-2.amazonaws.com/1/q',
          SES_FROM_ADDRESS: 'a@b.c',
          SEND_RATE_PER_SECOND: '1',
          TOKEN_SECRET: 'k',
          PUBLIC_URL: 'https://x',
          SCHEDULE_GROUP_NAME: 'g',
          SCHEDULER_ROLE_ARN: 'arn:aws:iam::1:role/r',
          SCHEDULE_TARGET_ARN: 'arn:aws:events:eu-west-2:1:event-bus/b',
          SCHEDULE_DLQ_ARN: 'arn:aws:sqs:eu-west-2:1:d',
          // Signed-in routes make their JWT verifier at load (nothing is fetched until a request).
          JWT_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_x',
          JWT_JWKS_URI: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_x/.well-known/jwks.json',
          JWT_CLIENT_ID: 'c',
          AWS_REGION: 'eu-west-2',
        },
      }).trim(),
    ),
  ).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
};

export interface ColdStartRow {
  readonly function: string;
  readonly bytes: number;
  readonly floorBytes: number;
  /** Null where the function uses no SDK client: there is no floor to compare with. */
  readonly sizeRatio: number | null;
  readonly loadRatio: number | null;
  readonly sdkClients: readonly string[];
}

/**
 * Each function's bundle against a floor bundle holding only the SDK clients that function uses:
 * the ratios say what Convene's own code and libraries add to a cold start.
 */
export const coldStart = async (runs = 5): Promise<ColdStartRow[]> => {
  const dir = mkdtempSync(path.join(tmpdir(), 'convene-bench-'));
  const rows: ColdStartRow[] = [];
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
        ...new Set(inputs.flatMap((i) => /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(i)?.[1] ?? [])),
      ].sort();
      const floorOut = path.join(dir, `${name}.floor.mjs`);
      const floorSource =
        clients.map((c, i) => `import * as c${i} from '${c}'; globalThis.k${i} = c${i};`).join('\n') ||
        'export {};';
      writeFileSync(path.join(dir, `${name}.floor.ts`), floorSource);
      await bundle({ contents: floorSource, resolveDir: process.cwd() }, floorOut);
      const bytes = statSync(out).size;
      const floorBytes = statSync(floorOut).size;
      rows.push({
        function: name,
        bytes,
        floorBytes,
        sizeRatio: clients.length > 0 ? bytes / floorBytes : null,
        loadRatio: clients.length > 0 ? loadMs(out, runs) / loadMs(floorOut, runs) : null,
        sdkClients: clients,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
};
