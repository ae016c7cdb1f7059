import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { App, Stack } from 'aws-cdk-lib';
import { buildAssets } from '../../infra/assets/build-assets';
import { ConveneFunction } from '../../infra/constructs/convene-function';
import { originVerifyHeader } from '../../infra/constructs/public-address';
import { functionEnvironment } from '../../infra/local/environment';
import { functionEntries, wiring } from '../../infra/wiring';
import { EnvNames } from '../../shared/config/env';
import { COMPILED_TEMPLATES_DIR } from '../../shared/pages/template-loader';

/**
 * Page functions bundled as `cdk deploy` bundles them (ConveneFunction, NodejsFunction's local esbuild and
 * its afterBundling hook), then run from the bundle alone, in a Node process of their own started in the
 * bundle's folder: no source tree or node_modules beside it, as in a Lambda sandbox.
 */
const pageFunctions = functionEntries(wiring).filter(([, spec]) => spec.access.pages === 'render');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full).map((file) => path.join(name, file)) : [name];
  });

/** What a Lambda sandbox would be given, short of AWS: the token key as a value, not a secret's ARN. */
const sandboxEnv = (): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  AWS_REGION: 'eu-west-2',
  AWS_ACCESS_KEY_ID: 'none',
  AWS_SECRET_ACCESS_KEY: 'none',
  [EnvNames.stage]: 'test',
  [EnvNames.publicUrl]: 'https://events.example.org',
  [EnvNames.tableName]: 'convene-test',
  [EnvNames.eventBusName]: 'convene-test',
  [EnvNames.tokenSecret]: 'k'.repeat(64),
  [EnvNames.jwtIssuer]: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_x',
  [EnvNames.jwtJwksUri]: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_x/.well-known/jwks.json',
  [EnvNames.jwtClientId]: 'c',
  [EnvNames.originVerifyHeader]: originVerifyHeader,
  [EnvNames.originVerifySecret]: 'the-distribution-adds-this',
  [EnvNames.pageAssets]: JSON.stringify(buildAssets().manifest),
  // The calendar download names the sender where the event has no contact (its `sender` access).
  [EnvNames.sesFromAddress]: 'events@example.org',
  // The team page's members are in the user pool (its `teamMembers` access).
  [EnvNames.userPoolId]: 'eu-west-2_x',
  // What the console's areas are granted besides (read at cold start, never reached here).
  [EnvNames.scheduleGroupName]: 'convene-test',
  [EnvNames.schedulerRoleArn]: 'arn:aws:iam::000000000000:role/scheduler',
  [EnvNames.scheduleTargetArn]: 'arn:aws:events:eu-west-2:000000000000:event-bus/convene-test',
  [EnvNames.scheduleDlqArn]: 'arn:aws:sqs:eu-west-2:000000000000:convene-test-scheduler-dlq',
  [EnvNames.sendQueueUrl]: 'https://sqs.eu-west-2.amazonaws.com/000000000000/convene-test-send',
  [EnvNames.placesQueueUrl]: 'https://sqs.eu-west-2.amazonaws.com/000000000000/convene-test-places.fifo',
  [EnvNames.sesConfigurationSet]: 'convene-test',
  [EnvNames.sendRatePerSecond]: '14',
  [EnvNames.sendDailyQuota]: '50000',
  [EnvNames.xCredentialsSecret]: 'convene/test/x-credentials',
  [EnvNames.consoleLoginUrl]: 'https://convene-test-000000000000.auth.eu-west-2.amazoncognito.com',
});

/**
 * Imports the bundle and hands its handler a browser's request that did not come through the distribution:
 * every HTTP function refuses it before any use-case runs (nothing reaches AWS), and a page function answers
 * the refusal as a page, rendered from the templates in its bundle.
 */
const refusedInBrowser = (
  bundleDir: string,
  method: string,
  ownEnvironment: Record<string, string>,
): { statusCode: number; headers: Record<string, string>; body: string } => {
  const script = `
    const { handler } = await import('./index.mjs');
    const event = {
      version: '2.0', routeKey: '$default', rawPath: '/', rawQueryString: '',
      headers: { accept: 'text/html,application/xhtml+xml' },
      requestContext: { http: { method: ${JSON.stringify(method)}, path: '/', sourceIp: '192.0.2.1' }, requestId: 'r' },
      isBase64Encoded: false,
    };
    const context = { functionName: 'f', awsRequestId: 'r', getRemainingTimeInMillis: () => 10000 };
    process.stdout.write(JSON.stringify(await handler(event, context)));
  `;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: bundleDir,
    // As the CDK app sets it: the shared variables, and this function's own (its route's audience).
    env: { ...sandboxEnv(), ...ownEnvironment },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return JSON.parse(output) as { statusCode: number; headers: Record<string, string>; body: string };
};

describe('a page function’s Lambda bundle', () => {
  let outdir: string;
  const bundles = new Map<string, string>();

  beforeAll(() => {
    outdir = mkdtempSync(path.join(tmpdir(), 'convene-page-bundle-'));
    // Bundling on (the default): each function is bundled when it is built.
    const app = new App({ outdir });
    const stack = new Stack(app, 'PageBundles', { env: { region: 'eu-west-2' } });
    for (const [name, spec] of pageFunctions) {
      const before = new Set(readdirSync(outdir));
      new ConveneFunction(stack, name, {
        entry: spec.entry,
        description: spec.description,
        stage: 'test',
        publicUrl: 'https://events.example.org',
        access: spec.access,
      });
      const [staged] = readdirSync(outdir).filter(
        (entry) => !before.has(entry) && entry.startsWith('asset.'),
      );
      if (!staged) throw new Error(`No bundle was staged for ${name}`);
      bundles.set(name, path.join(outdir, staged));
    }
  }, 240_000);

  afterAll(() => {
    if (outdir) rmSync(outdir, { recursive: true, force: true });
  });

  it('is built for every function with pages access (getEvent and registerDelegate among them)', () => {
    expect(pageFunctions.map(([name]) => name)).toEqual(
      expect.arrayContaining(['getEvent', 'registerDelegate']),
    );
    expect([...bundles.keys()].sort()).toEqual(pageFunctions.map(([name]) => name).sort());
  });

  it('carries every page template compiled, Convene’s and GOV.UK Frontend’s, and no template compiler', () => {
    const compiled = (relative: string) => relative.replace(/\.njk$/, '.njk.cjs');
    const ours = filesUnder(path.resolve('shared/pages/templates')).map(compiled);
    for (const [name, dir] of bundles) {
      const files = filesUnder(dir);
      expect({ name, index: files.includes('index.mjs') }).toEqual({ name, index: true });
      const templates = filesUnder(path.join(dir, COMPILED_TEMPLATES_DIR));
      // Convene's own, and the macros layout.njk imports from GOV.UK Frontend, with what they import.
      expect({ name, templates }).toEqual({
        name,
        templates: expect.arrayContaining([
          ...ours,
          'govuk/components/skip-link/macro.njk.cjs',
          'govuk/components/service-navigation/template.njk.cjs',
          'govuk/macros/attributes.njk.cjs',
        ]),
      });
      expect({ name, notCompiled: templates.filter((file) => !file.endsWith('.njk.cjs')) }).toEqual({
        name,
        notCompiled: [],
      });
      // Nothing else beside the bundle, and the bundle holds nunjucks' runtime only: no parser or compiler
      // (their methods, parsePrimary and compileCallExtension among them, keep their names when minified).
      expect({
        name,
        others: files.filter((file) => !/^(index\.mjs(\.map)?|compiled-templates\/)/.test(file)),
      }).toEqual({ name, others: [] });
      const bundle = readFileSync(path.join(dir, 'index.mjs'), 'utf8');
      expect({ name, compiler: /compileCallExtension|parsePrimary/.test(bundle) }).toEqual({
        name,
        compiler: false,
      });
    }
  });

  it('loads on its own and renders a GOV.UK page from its templates', () => {
    const manifest = buildAssets().manifest;
    for (const [name, spec] of pageFunctions) {
      const method = spec.trigger.kind === 'http' ? spec.trigger.method : 'GET';
      const result = refusedInBrowser(bundles.get(name)!, method, functionEnvironment(spec));
      expect({ name, status: result.statusCode, type: result.headers['content-type'] }).toEqual({
        name,
        status: 403,
        type: expect.stringMatching(/^text\/html/),
      });
      // The frame (layout.njk), GOV.UK Frontend's macros, the problem page (message.njk, or the console's
      // problem.njk) and the assets' names (the console's pages load the console's script).
      const console = spec.trigger.kind === 'pages';
      expect(result.body).toContain('<html lang="en-GB" class="govuk-template">');
      expect(result.body).toContain('class="govuk-skip-link"');
      expect(result.body).toContain('govuk-service-navigation');
      expect(result.body).toMatch(
        console
          ? /<h1 class="govuk-heading-l">\s*You cannot use this page\s*<\/h1>/
          : /<h1 class="govuk-heading-l">\s*This link does not work\s*<\/h1>/,
      );
      expect(result.body).toContain(`<link rel="stylesheet" href="${manifest.css}">`);
      expect(result.body).toContain(
        `<script type="module" src="${console ? manifest.consoleJs : manifest.js}"></script>`,
      );
    }
  }, 120_000);
});
