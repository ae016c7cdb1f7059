import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { filesUnder } from './build-assets';
import { COMPILED_TEMPLATES_DIR, compiledTemplateFile } from '../../shared/pages/template-loader';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const pagesDir = path.join(projectRoot, 'shared/pages');

/**
 * Where the templates' names start, in the order a name is looked up: Convene's own (`layout.njk`,
 * `console/...`), then GOV.UK Frontend's (`govuk/components/button/macro.njk`).
 */
const templateRoots = (): string[] => [
  path.join(pagesDir, 'templates'),
  path.join(path.dirname(createRequire(import.meta.url).resolve('govuk-frontend/package.json')), 'dist'),
];

/** Every `.njk` under a root, by its template name (a POSIX path relative to the root). */
const templatesUnder = (root: string): [name: string, file: string][] =>
  filesUnder(root)
    .filter((file) => file.endsWith('.njk'))
    .map((file) => [path.relative(root, file).split(path.sep).join('/'), file]);

/** Each template name once: the first root holding it wins, as a loader searching the roots in order. */
const allTemplates = (): Map<string, string> => {
  const byName = new Map<string, string>();
  for (const root of templateRoots())
    for (const [name, file] of templatesUnder(root)) if (!byName.has(name)) byName.set(name, file);
  return byName;
};

const inputsHash = (templates: Map<string, string>): string => {
  const hash = createHash('sha256');
  for (const [name, file] of [...templates].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(name).update(readFileSync(file));
  hash.update(readFileSync(createRequire(import.meta.url).resolve('nunjucks/package.json')));
  return hash.digest('hex').slice(0, 16);
};

/** The page functions' environment compiles templates with these options (none change the compiled code). */
const compilingEnvironment = new nunjucks.Environment([], { autoescape: true });

/** A template as a CommonJS module whose export is what nunjucks' runtime renders: `{ root, b_<block>… }`. */
const compiledModule = (name: string, source: string): string =>
  nunjucks.precompileString(source, {
    name,
    env: compilingEnvironment,
    // nunjucks hands the wrapper an array (of one template here), where its type definitions say an object.
    wrapper: (templates) => {
      const [compiled] = templates as unknown as readonly { readonly template: string }[];
      return `module.exports = (function () {\n${compiled?.template ?? ''}\n})();\n`;
    },
  });

/**
 * Compiles every page template (Convene's and GOV.UK Frontend's) into `shared/pages/compiled-templates/`,
 * where shared/pages/render.ts reads them with nunjucks' runtime alone: a page function's bundle carries no
 * template compiler, and its first page compiles nothing (issue 15, cold start). A function's package gets a
 * copy beside its bundle (`pageFileCommands`). Synchronous (the CDK app calls it while synthesizing) and
 * cached by its inputs: a second call is a file read. The new set is written aside and renamed into place.
 */
export const compileTemplates = (outDir = path.join(pagesDir, COMPILED_TEMPLATES_DIR)): string => {
  const templates = allTemplates();
  const hash = inputsHash(templates);
  const stamp = path.join(outDir, '.inputs');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return outDir;

  const staging = `${outDir}.${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  for (const [name, file] of templates) {
    const target = path.join(staging, compiledTemplateFile(name));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, compiledModule(name, readFileSync(file, 'utf8')));
  }
  writeFileSync(path.join(staging, '.inputs'), hash);
  rmSync(outDir, { recursive: true, force: true });
  renameSync(staging, outDir);
  return outDir;
};
