import { EnvNames } from '../config/env';

/** The hashed URLs of the pages' stylesheet and script (infra/assets/build-assets.ts builds them). */
export interface PageAssets {
  readonly css: string;
  readonly js: string;
  /** The console's script, loaded by console pages instead of `js`. */
  readonly consoleJs: string;
}

let cached: PageAssets | undefined;

/** Read once, on the first page a function renders; without PAGE_ASSETS that page fails loudly (a 500 and a log). */
export const pageAssets = (): PageAssets => {
  if (cached) return cached;
  const raw = process.env[EnvNames.pageAssets];
  if (!raw)
    throw new Error(`${EnvNames.pageAssets} is not set: the page assets were not built for this function`);
  const parsed = JSON.parse(raw) as Partial<PageAssets>;
  if (typeof parsed.css !== 'string' || typeof parsed.js !== 'string' || typeof parsed.consoleJs !== 'string')
    throw new Error(`${EnvNames.pageAssets} does not name the stylesheet and scripts`);
  cached = { css: parsed.css, js: parsed.js, consoleJs: parsed.consoleJs };
  return cached;
};
