import { writeFileSync } from 'node:fs';
import { openApiDocumentText, OPENAPI_FILE } from '../../shared/api/openapi-file';

// `npm run openapi`: writes the OpenAPI document the getOpenApi function serves, from the API's zod
// schemas and the wiring's audiences. A unit test fails while the file on disk differs from it.
writeFileSync(OPENAPI_FILE, openApiDocumentText());
console.log(`Wrote ${OPENAPI_FILE}`);
