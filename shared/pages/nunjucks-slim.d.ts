/**
 * nunjucks' runtime alone (its browser build, which also runs on Node): what shared/pages/render.ts uses of
 * it. The runtime renders templates compiled ahead of time; it has no compiler.
 */
declare module 'nunjucks/browser/nunjucks-slim.js' {
  export class Environment {
    /** `loader`: getSource(name) answering `{ src: { type: 'code', obj }, path, noCache }`, or null. */
    constructor(loader: object, options: { autoescape: boolean; throwOnUndefined: boolean });
    render(name: string, context: object): string;
  }
  const nunjucks: { Environment: typeof Environment };
  export default nunjucks;
}
