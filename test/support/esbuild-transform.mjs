// Plain ESM because jest loads its transformers outside any transform.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { URL } from 'node:url';
import { transformSync, version } from 'esbuild';

/**
 * Jest's TypeScript transform: esbuild strips the types of one file at a time, as `tsc` would with
 * `isolatedModules` (which tsconfig.json sets, so no file needs another to compile). Type errors are
 * `npm run typecheck`'s to find, as they were with ts-jest's transpile mode; esbuild is several times
 * faster, which counts on a clean clone, where jest has no transform cache and compiles every file.
 */
const tsconfig = JSON.parse(readFileSync(new URL('../../tsconfig.json', import.meta.url), 'utf8'));
const { target, verbatimModuleSyntax } = tsconfig.compilerOptions;
const tsconfigRaw = { compilerOptions: { target, verbatimModuleSyntax, useDefineForClassFields: true } };
const settings = JSON.stringify({ version, tsconfigRaw, transform: 3 });

const transform = (sourceText, sourcePath, options) => {
  const result = transformSync(sourceText, {
    loader: sourcePath.endsWith('.tsx') ? 'tsx' : 'ts',
    // Native ESM under jest (package.json's "type", jest.config.js's extensionsToTreatAsEsm).
    format: options.supportsStaticESM ? 'esm' : 'cjs',
    target: target.toLowerCase(),
    // Node 24 reads them (a JSON import needs `with { type: 'json' }`), whatever the language target.
    supported: { 'import-attributes': true },
    sourcemap: 'external',
    sourcefile: sourcePath,
    tsconfigRaw,
  });
  return { code: result.code, map: result.map };
};

export default {
  canInstrument: false,
  getCacheKey: (sourceText, sourcePath, options) =>
    createHash('sha256')
      .update(settings)
      .update('\0')
      .update(sourcePath)
      .update('\0')
      .update(String(options.supportsStaticESM))
      .update('\0')
      .update(sourceText)
      .digest('hex'),
  process: transform,
};
