import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { openApiDocument } from '../../shared/api/openapi';
import { openApiDocumentText, OPENAPI_FILE } from '../../shared/api/openapi-file';
import { routeDocs } from '../../shared/api/routes';
import { wiring } from '../../infra/wiring';
import { httpAudiences } from '../../infra/wiring/http-audiences';

const document = () => openApiDocument(httpAudiences());

describe('the OpenAPI document', () => {
  it('is served as the code builds it: run `npm run openapi` after changing a schema or the wiring', () => {
    expect(readFileSync(OPENAPI_FILE, 'utf8') === openApiDocumentText()).toBe(true);
  });

  it('documents exactly the routes the wiring serves', () => {
    const wired = httpAudiences()
      .map((route) => `${route.method} ${route.path}`)
      .sort();
    expect(routeDocs.map((r) => `${r.method} ${r.path}`).sort()).toEqual(wired);
  });

  it('takes each route’s security from the wiring’s audience, the one declaration of it', () => {
    const doc = document();
    for (const route of httpAudiences()) {
      const security = (doc.paths[route.path]?.[route.method.toLowerCase()] as { security: unknown })
        .security;
      if (route.auth !== 'public') expect(security).toEqual([{ cognito: [route.auth] }]);
      else if (route.optionalCaller) expect(security).toEqual([{}, { cognito: [route.optionalCaller] }]);
      else expect(security).toEqual([]);
    }
    expect(routeDocs.filter((doc) => Object.hasOwn(doc, 'auth'))).toEqual([]);
  });

  it('refuses to document a route the wiring does not serve', () => {
    const served = httpAudiences().filter((route) => route.path !== '/openapi.json');
    expect(() => openApiDocument(served)).toThrow(/GET \/openapi.json is documented but not wired/);
  });

  it('leaves out the console’s pages, which are HTML for a signed-in browser, not the JSON API', () => {
    const pagePaths: string[] = Object.values(wiring.functions).flatMap((f) =>
      f.trigger.kind === 'pages' ? f.trigger.routes.map((route) => route.path) : [],
    );
    expect(pagePaths.length).toBeGreaterThan(0);
    const documented = Object.keys(document().paths);
    expect(documented.filter((path) => path === '/console' || path.startsWith('/console/'))).toEqual([]);
    expect(routeDocs.filter((route) => pagePaths.includes(route.path))).toEqual([]);
  });

  it('gives request schemas that reject unknown fields', () => {
    const doc = document();
    const post = doc.paths['/events']?.post as {
      requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
    };
    const name = post.requestBody.content['application/json'].schema.$ref.replace(
      '#/components/schemas/',
      '',
    );
    const schema = (doc.components.schemas as Record<string, Record<string, unknown>>)[name] ?? {};
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining(['title', 'timezone', 'startsAt', 'endsAt', 'venue', 'capacity']),
    );
  });

  it('marks organiser routes as needing a bearer token', () => {
    const doc = document();
    expect((doc.paths['/events']?.post as { security: unknown }).security).toEqual([
      { cognito: ['organisers'] },
    ]);
    expect((doc.paths['/events/{eventId}']?.get as { security: unknown }).security).toEqual([
      {},
      { cognito: ['organisers'] },
    ]);
    expect((doc.paths['/privacy']?.get as { security: unknown }).security).toEqual([]);
  });
});
