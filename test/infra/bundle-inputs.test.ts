import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { build } from 'esbuild';
import { projectRoot } from '../../infra/constructs/convene-function';

/**
 * The modules a function's bundle holds code of, as esbuild bundles it for Lambda (ESM for Node 24),
 * unwritten: those its output takes bytes from, not every module it read and shook out.
 */
const inputsOf = async (entry: string): Promise<string[]> => {
  const result = await build({
    entryPoints: [path.join(projectRoot, 'functions', entry, 'handler.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    mainFields: ['module', 'main'],
    write: false,
    outdir: path.join(projectRoot, 'cdk.out', 'bundle-inputs'),
    metafile: true,
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return Object.entries(output?.inputs ?? {}).flatMap(([input, { bytesInOutput }]) =>
    bytesInOutput > 0 ? [input] : [],
  );
};

// Cold starts (issue 15): weight a function once carried without using it, kept out by the module layout.
describe('what a bundle leaves out', () => {
  it('tree-shakes the DynamoDB client in a signed-in function: no waiters or paginators it never calls', async () => {
    const inputs = await inputsOf('create-event');

    expect(inputs.some((i) => i.includes('@aws-sdk/client-dynamodb/'))).toBe(true);
    expect(inputs.filter((i) => /client-dynamodb\/dist-es\/(waiters|DynamoDB\.js)/.test(i))).toEqual([]);
  });

  it.each([
    'sync-social-posts',
    'publish-social-post',
    'list-social-posts',
    'cancel-social-post',
    'retry-social-post',
  ])('leaves X’s counting rules (twitter-text) out of %s, which never counts a post', async (entry) => {
    expect((await inputsOf(entry)).filter((i) => i.includes('twitter-text'))).toEqual([]);
  });

  it('leaves Handlebars out of start-campaign, which reserves the quota and queues, and never compiles a template', async () => {
    expect((await inputsOf('start-campaign')).filter((i) => i.includes('handlebars'))).toEqual([]);
  });
});
