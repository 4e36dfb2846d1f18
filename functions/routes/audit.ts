// The audit area's routes: one report's history and the SST-wide log. Each route is declared here
// once; functions/routes.ts gathers all areas for the CDK API, the local server and the OpenAPI
// document, while this area's function imports only these.
import * as z from 'zod';
import * as api from '#schemas/api';
import { ALL_ROLES, SST_ROLES, submissionParams, type RouteSpec } from '#functions/routes/spec';

export const AUDIT_ROUTES = [
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}/history',
    area: 'audit',
    operationId: 'submissionHistory',
    summary: 'Every recorded action on a report (append-only audit trail)',
    auth: ALL_ROLES,
    params: submissionParams,
    response: api.listOf(api.AuditEvent),
  },
  {
    method: 'GET',
    path: '/audit',
    area: 'audit',
    operationId: 'auditLog',
    summary: 'The SST-wide audit trail between two times, a page at a time',
    auth: SST_ROLES,
    query: api.AuditQuery,
    response: z.object({ items: z.array(api.AuditEvent), next: z.string().optional() }),
  },
  {
    method: 'GET',
    path: '/audit/export',
    area: 'audit',
    operationId: 'auditExport',
    summary: 'The same search as CSV for Danish Excel (semicolons, UTF-8 with BOM, Danish date and time); at most 10,000 events',
    auth: SST_ROLES,
    query: api.AuditExportQuery,
    responseHeaders: ['content-disposition'],
    response: z.string(),
    produces: ['text/csv'],
  },
] as const satisfies readonly RouteSpec[];
