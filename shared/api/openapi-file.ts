import { httpAudiences } from '../../infra/wiring/http-audiences';
import { openApiDocument } from './openapi';

/**
 * The OpenAPI document is built from the schemas and the wiring with the code, not at each cold start:
 * it only changes with a deployment, and building it needs zod's JSON Schema writer and every route's
 * schema, most of getOpenApi's bundle before (issue 15). `npm run openapi` writes it.
 */
export const OPENAPI_FILE = 'shared/api/openapi.json';

/** The document as the file holds it (two-space JSON and a final newline, as Prettier leaves it). */
export const openApiDocumentText = (): string =>
  `${JSON.stringify(openApiDocument(httpAudiences()), null, 2)}\n`;
