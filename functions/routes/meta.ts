// The meta area's routes: liveness and this API as an OpenAPI document. Each route is declared here
// once; functions/routes.ts gathers all areas for the CDK API, the local server and the OpenAPI
// document, while this area's function imports only these.
import * as z from 'zod';
import * as api from '#schemas/api';
import { type RouteSpec } from '#functions/routes/spec';

export const META_ROUTES = [
  { method: 'GET', path: '/health', area: 'meta', operationId: 'health', summary: 'Liveness check', auth: 'public', response: api.Health },
  {
    method: 'GET',
    path: '/openapi.json',
    area: 'meta',
    operationId: 'openapi',
    summary: 'This API as an OpenAPI 3.1 document',
    auth: 'public',
    response: z.record(z.string(), z.unknown()),
  },
] as const satisfies readonly RouteSpec[];
