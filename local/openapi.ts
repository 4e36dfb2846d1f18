// `npm run openapi`: prints the OpenAPI document, for clients and reviewers.
import { openApiDocument } from '#functions/openapi';

process.stdout.write(`${JSON.stringify(openApiDocument(), null, 2)}\n`);
