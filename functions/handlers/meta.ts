// Liveness and the OpenAPI document: public, no storage.
import { createAreaHandler } from '#http/area';
import { META_ROUTES } from '#functions/routes/meta';
import { openApiDocument } from '#functions/openapi';

let document: object | undefined;

export const handler = createAreaHandler(META_ROUTES, {
  health: async () => ({ body: { status: 'ok' } }),
  openapi: async () => ({ body: (document ??= openApiDocument()) }),
});
