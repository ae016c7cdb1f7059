import * as z from '../zod';
// Imported for its registration: the error shape is a named component every route refers to.
import './common';
import { routeDocs, type RouteDoc } from './routes';
import type { RouteAudience } from '../http/route-audience';

/** A route the API serves and who may call it, as the wiring declares it (infra/wiring/http-audiences.ts). */
export interface ServedRoute extends RouteAudience {
  readonly method: string;
  readonly path: string;
}

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Named schemas (`.check(z.meta({ id }))`) become components; anything else is inlined. */
const schemaOf = (schema: z.core.$ZodType, io: 'input' | 'output'): unknown => {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return ref(id);
  const { $schema: _ignored, ...inline } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return inline;
};

/** Every schema registered with an id, as OpenAPI 3.1 components (JSON Schema 2020-12). */
const components = (): Record<string, unknown> => {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, { $schema: _ignored, ...schema }]) => [id, schema]),
  );
};

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request (invalid_request, with one detail per field)',
  401: 'Missing or invalid token',
  403: 'Signed in, but not in the group this route needs',
  404: 'Not found',
  409: 'Conflicts with the current state',
  410: 'Gone',
};

/** OpenAPI's security requirement: none, a token of the group, or either (an optional caller). */
const securityOf = ({ auth, optionalCaller }: RouteAudience) => {
  if (auth !== 'public') return [{ cognito: [auth] }];
  return optionalCaller ? [{}, { cognito: [optionalCaller] }] : [];
};

const operation = (route: RouteDoc, audience: RouteAudience) => {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const signedIn = audience.auth !== 'public' || audience.optionalCaller !== undefined;
  const statuses = [400, ...(signedIn ? [401, 403] : []), ...route.errors];
  return {
    summary: route.summary,
    security: securityOf(audience),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: schemaOf(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      ...Object.fromEntries(
        [route.success, ...(route.alsoSuccess ? [route.alsoSuccess] : [])].map((success) => [
          success.status,
          {
            description: success.description,
            ...(success.schema
              ? { content: { 'application/json': { schema: schemaOf(success.schema, 'output') } } }
              : {}),
          },
        ]),
      ),
      ...Object.fromEntries(
        [...new Set(statuses)].map((s) => [s, errorResponse(errorDescriptions[s] ?? 'Error')]),
      ),
    },
  };
};

/**
 * The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with, each route's
 * security from the audience the wiring serves it to. A documented route the wiring does not serve throws.
 */
export const openApiDocument = (served: readonly ServedRoute[]) => {
  const audiences = new Map(served.map((r) => [`${r.method} ${r.path}`, r]));
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeDocs) {
    const audience = audiences.get(`${route.method} ${route.path}`);
    if (!audience) throw new Error(`OpenAPI: ${route.method} ${route.path} is documented but not wired`);
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route, audience) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Convene HTTP API',
      version: '1.0.0',
      description:
        'Communications for education conferences: events, registrations, campaigns, posts, surveys.',
    },
    components: {
      securitySchemes: {
        cognito: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Cognito ID token; groups in cognito:groups',
        },
      },
      schemas: components(),
    },
    paths,
  };
};
