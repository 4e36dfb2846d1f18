// The forms area's routes: forms and their published versions (JSON Schemas), and national
// indicator data. Each route is declared here once; functions/routes.ts gathers all areas for the
// CDK API, the local server and the OpenAPI document, while this area's function imports only
// these.
import * as z from 'zod';
import * as api from '#schemas/api';
import { ALL_ROLES, ADMIN_ROLES, type RouteSpec } from '#functions/routes/spec';

/** A form workbook (forms/README.md, "The form as a spreadsheet"). */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

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
    query: api.FormVersionQuery,
    response: api.FormVersion,
    produces: [XLSX],
    responseHeaders: ['content-disposition'],
    // A version whose schema uses what a sheet cannot say (published as JSON) has no sheet.
    problems: [409],
  },
  {
    method: 'POST',
    path: '/forms/{formId}/versions',
    area: 'forms',
    operationId: 'publishFormVersion',
    idempotent: true,
    summary: 'Publish the next version of a form (creates the form on its first version): a JSON Schema, or a form workbook (.xlsx) whose errors name sheet, row and column',
    auth: ADMIN_ROLES,
    params: { formId: api.FormId },
    body: api.PublishFormVersionRequest,
    uploads: [XLSX],
    status: 201,
    response: api.FormVersion,
  },
  {
    method: 'POST',
    path: '/forms/{formId}/preview',
    area: 'forms',
    operationId: 'previewFormVersion',
    summary: 'Check a new version without publishing it: its schema, its field changes against the latest version, and what happens to the rounds',
    auth: ADMIN_ROLES,
    params: { formId: api.FormId },
    body: api.PublishFormVersionRequest,
    uploads: [XLSX],
    response: api.FormVersionPreview,
  },
] as const satisfies readonly RouteSpec[];
