import path from 'node:path';
import { fileURLToPath } from 'node:url';
// The runtime alone: templates are compiled before they ship (infra/assets/compile-templates.ts).
import nunjucks from 'nunjucks/browser/nunjucks-slim.js';
import { pageAssets, type PageAssets } from './page-assets';
import { COMPILED_TEMPLATES_DIR, compiledTemplateLoader } from './template-loader';

// Beside this module in the source tree, and beside the bundle in a Lambda package (the function construct
// copies the compiled templates there).
const here = path.dirname(fileURLToPath(import.meta.url));

// Autoescaping on: every value is text unless a template marks it `| safe`.
const environment = new nunjucks.Environment(
  compiledTemplateLoader(path.join(here, COMPILED_TEMPLATES_DIR)),
  {
    autoescape: true,
    throwOnUndefined: false,
  },
);

/** What every page's frame reads (layout.njk); a page's own template reads the rest. */
export interface PageFrame {
  /** The page's `<title>` and, unless `heading` is given, its `<h1>`. */
  readonly title: string;
  /** The event's own name at the top of the page; "Convene" where there is no event. */
  readonly serviceName?: string;
  readonly serviceUrl?: string;
  readonly backLink?: { readonly href: string; readonly text?: string };
  /** GOV.UK error summary items: `{ text, href: '#field-id' }`; the title gains "Error: " when present. */
  readonly errors?: readonly { readonly text: string; readonly href: string }[];
  readonly width?: 'two-thirds' | 'full';
}

/** Renders `shared/pages/templates/<template>` with the frame and the page's own values. */
export const renderPage = (
  template: string,
  values: PageFrame & Record<string, unknown>,
  // A function reads its environment's; the local stack's own pages (its sign-in) pass theirs.
  assets: PageAssets = pageAssets(),
): string => environment.render(template, { ...values, assets });
