import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { compile } from 'sass';
import type { PageAssets } from '../../shared/pages/page-assets';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const sourceDir = path.join(projectRoot, 'shared/pages/assets');
const domainDir = path.join(projectRoot, 'shared/domain');

/** The URL path every asset is served under: S3 behind the distribution on AWS, the local server locally. */
export const ASSET_PATH = '/assets';

export interface BuiltAssets {
  /** The folder holding the hashed files, as they are served under ASSET_PATH. */
  readonly dir: string;
  /** What the page functions are told (their PAGE_ASSETS variable). */
  readonly manifest: PageAssets;
}

const hashOf = (content: string | Buffer): string =>
  createHash('sha256').update(content).digest('hex').slice(0, 12);

/** Every file under a folder, at any depth, by its full path. */
export const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });

/** Everything the built files depend on: the sources and the installed govuk-frontend. */
const inputsHash = (): string => {
  const hash = createHash('sha256');
  // The console's scripts share pure rules with the server (a door search, a post's weighted length): the
  // domain is an input too, so a change there rebuilds the bundle.
  for (const file of [...filesUnder(sourceDir), ...filesUnder(domainDir)].sort())
    hash.update(file).update(readFileSync(file));
  hash.update(readFileSync(path.join(projectRoot, 'node_modules/govuk-frontend/package.json')));
  hash.update(readFileSync(path.join(projectRoot, 'package-lock.json')));
  return hashOf(hash.digest());
};

/**
 * Compiles the pages' Sass (GOV.UK Frontend with a system font stack) and bundles their one script, into
 * files named by their content's hash, so they can be cached for a year and a new deploy is a new name.
 * Synchronous (the CDK app calls it while synthesizing) and cached by its inputs, so a second call is a
 * directory read.
 */
export const buildAssets = (
  outRoot = path.join(projectRoot, 'node_modules/.cache/convene-assets'),
): BuiltAssets => {
  const dir = path.join(outRoot, inputsHash());
  const manifestFile = path.join(dir, 'page-assets.json');
  if (existsSync(manifestFile))
    return { dir, manifest: JSON.parse(readFileSync(manifestFile, 'utf8')) as PageAssets };

  const css = compile(path.join(sourceDir, 'app.scss'), {
    loadPaths: [path.join(projectRoot, 'node_modules')],
    style: 'compressed',
    quietDeps: true,
  }).css;
  const bundle = (entry: string): Uint8Array => {
    const out = buildSync({
      entryPoints: [path.join(sourceDir, entry)],
      bundle: true,
      minify: true,
      format: 'esm',
      // Browsers without module scripts run none of it, and the pages work without it.
      target: ['es2020'],
      write: false,
      logLevel: 'silent',
    }).outputFiles[0]?.contents;
    if (!out) throw new Error(`esbuild produced no script for ${entry}`);
    return out;
  };
  // Delegates' pages load only app.js; the console's script (its scanner's decoder, X's counting rules)
  // is a second file that only console pages load, so a teacher's phone never downloads it.
  const js = bundle('app.ts');
  const consoleJs = bundle('console.ts');

  mkdirSync(dir, { recursive: true });
  const cssName = `app-${hashOf(css)}.css`;
  const jsName = `app-${hashOf(Buffer.from(js))}.js`;
  const consoleJsName = `console-${hashOf(Buffer.from(consoleJs))}.js`;
  writeFileSync(path.join(dir, cssName), css);
  writeFileSync(path.join(dir, jsName), js);
  writeFileSync(path.join(dir, consoleJsName), consoleJs);
  const manifest: PageAssets = {
    css: `${ASSET_PATH}/${cssName}`,
    js: `${ASSET_PATH}/${jsName}`,
    consoleJs: `${ASSET_PATH}/${consoleJsName}`,
  };
  // Written last: a build interrupted half-way is not taken for a finished one.
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return { dir, manifest };
};
