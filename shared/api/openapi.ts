import { z } from 'zod';
// Imported for its registration: the error shape is a named component every route refers to.
import './common';
import { routeDocs, type RouteDoc } from './routes';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

/** Named schemas (`.meta({ id })`) become components; anything else is inlined. */
const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): unknown => {
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

const operation = (route: RouteDoc) => {
  const params = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const statuses = [400, ...(route.auth === 'public' ? [] : [401, 403]), ...route.errors];
  return {
    summary: route.summary,
    ...(route.auth === 'public' ? { security: [] } : { security: [{ cognito: [route.auth] }] }),
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
      [route.success.status]: {
        description: route.success.description,
        ...(route.success.schema
          ? { content: { 'application/json': { schema: schemaOf(route.success.schema, 'output') } } }
          : {}),
      },
      ...Object.fromEntries(
        [...new Set(statuses)].map((s) => [s, errorResponse(errorDescriptions[s] ?? 'Error')]),
      ),
    },
  };
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */
export const openApiDocument = () => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeDocs) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
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
