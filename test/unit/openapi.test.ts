import { describe, expect, it } from '@jest/globals';
import { openApiDocument } from '../../shared/api/openapi';
import { routeDocs } from '../../shared/api/routes';
import { wiring } from '../../infra/wiring';

describe('the OpenAPI document', () => {
  it('documents exactly the routes the wiring serves, with the same auth', () => {
    const wired = Object.values(wiring.functions)
      .flatMap((f) =>
        f.trigger.kind === 'http' ? [`${f.trigger.method} ${f.trigger.path} ${f.trigger.auth}`] : [],
      )
      .sort();
    expect(routeDocs.map((r) => `${r.method} ${r.path} ${r.auth}`).sort()).toEqual(wired);
  });

  it('leaves out the console’s pages, which are HTML for a signed-in browser, not the JSON API', () => {
    const pagePaths: string[] = Object.values(wiring.functions).flatMap((f) =>
      f.trigger.kind === 'pages' ? f.trigger.routes.map((route) => route.path) : [],
    );
    expect(pagePaths.length).toBeGreaterThan(0);
    const documented = Object.keys(openApiDocument().paths);
    expect(documented.filter((path) => path === '/console' || path.startsWith('/console/'))).toEqual([]);
    expect(routeDocs.filter((route) => pagePaths.includes(route.path))).toEqual([]);
  });

  it('gives request schemas that reject unknown fields', () => {
    const doc = openApiDocument();
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
    const doc = openApiDocument();
    expect((doc.paths['/events']?.post as { security: unknown }).security).toEqual([
      { cognito: ['organisers'] },
    ]);
    expect((doc.paths['/events/{eventId}']?.get as { security: unknown }).security).toEqual([]);
  });
});
