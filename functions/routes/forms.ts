// The forms area's routes: forms and their published versions (JSON Schemas), and national
// indicator data. Each route is declared here once; functions/routes.ts gathers all areas for the
// CDK API, the local server and the OpenAPI document, while this area's function imports only
// these.
import * as z from 'zod';
import * as api from '#schemas/api';
import { ALL_ROLES, ADMIN_ROLES, type RouteSpec } from '#functions/routes/spec';

export const FORMS_ROUTES = [
  { method: 'GET', path: '/forms', area: 'forms', operationId: 'listForms', summary: 'All forms', auth: ALL_ROLES, response: api.listOf(api.FormSummary) },
  {
    method: 'GET',
    path: '/forms/{formId}',
    area: 'forms',
    operationId: 'getForm',
    summary: 'A form with its latest schema',
    auth: ALL_ROLES,
    params: { formId: api.FormId },
    response: api.FormDetail,
  },
  {
    method: 'GET',
    path: '/forms/{formId}/versions/{version}',
    area: 'forms',
    operationId: 'getFormVersion',
    summary: 'One immutable version of a form',
    auth: ALL_ROLES,
    params: { formId: api.FormId, version: z.coerce.number().int().min(1).max(9999) },
    response: api.FormVersion,
  },
  {
    method: 'POST',
    path: '/forms/{formId}/versions',
    area: 'forms',
    operationId: 'publishFormVersion',
    idempotent: true,
    summary: 'Publish the next version of a form (creates the form on its first version)',
    auth: ADMIN_ROLES,
    params: { formId: api.FormId },
    body: api.PublishFormVersionRequest,
    status: 201,
    response: api.FormVersion,
  },
] as const satisfies readonly RouteSpec[];
