import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The folder of compiled templates: beside shared/pages/render.ts in the source tree, beside a bundle. */
export const COMPILED_TEMPLATES_DIR = 'compiled-templates';

/** A template's compiled module, by its name (`govuk/components/button/macro.njk`). */
export const compiledTemplateFile = (name: string): string => `${name}.cjs`;

/** What nunjucks' runtime takes from a loader: a compiled template (`type: 'code'`), never source. */
export interface CompiledTemplateSource {
  readonly src: { readonly type: 'code'; readonly obj: unknown };
  readonly path: string;
  readonly noCache: boolean;
}

export interface CompiledTemplateLoader {
  getSource(name: string): CompiledTemplateSource | null;
  isRelative(name: string): boolean;
  resolve(from: string, to: string): string;
}

/**
 * Loads templates compiled by infra/assets/compile-templates.ts from `dir`, each when a page first needs
 * it. Names are POSIX paths from the template roots, and a relative import (`../../macros/attributes.njk`,
 * as GOV.UK Frontend's components make) is resolved against the importing template's name.
 */
export const compiledTemplateLoader = (dir: string): CompiledTemplateLoader => {
  const load = createRequire(import.meta.url);
  return {
    getSource: (name) => {
      const file = path.join(dir, compiledTemplateFile(name));
      if (!existsSync(file)) {
        if (!existsSync(dir))
          throw new Error(
            `The page templates are not compiled (${dir}): npm start and npm test compile them, or call compileTemplates() in infra/assets/compile-templates.ts`,
          );
        return null;
      }
      return { src: { type: 'code', obj: load(file) }, path: name, noCache: false };
    },
    isRelative: (name) => name.startsWith('./') || name.startsWith('../'),
    resolve: (from, to) => path.posix.normalize(path.posix.join(path.posix.dirname(from), to)),
  };
};
