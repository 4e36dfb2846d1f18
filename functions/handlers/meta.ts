// Liveness and the OpenAPI document: public, no storage.
import { createAreaHandler } from '#http/area';
import { openApiDocument } from '#schemas/openapi';

let document: object | undefined;

export const handler = createAreaHandler('meta', {
  health: async () => ({ body: { status: 'ok' } }),
  openapi: async () => ({ body: (document ??= openApiDocument()) }),
});
