// The attachments area's routes: attachments to a report: presigned upload, confirmation, listing,
// download. Each route is declared here once; functions/routes.ts gathers all areas for the CDK
// API, the local server and the OpenAPI document, while this area's function imports only these.
import * as z from 'zod';
import * as api from '#schemas/api';
import { ALL_ROLES, submissionParams, type RouteSpec } from '#functions/routes/spec';

export const ATTACHMENTS_ROUTES = [
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/attachments',
    area: 'attachments',
    operationId: 'requestUpload',
    idempotent: true,
    summary: 'Ask for an upload ticket (presigned POST; PDF, DOCX or XLSX, at most 20 MB)',
    auth: ['reporter'],
    params: submissionParams,
    body: api.UploadRequest,
    status: 201,
    response: api.UploadTicket,
  },
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/attachments/{attachmentId}/complete',
    area: 'attachments',
    operationId: 'completeUpload',
    responseHeaders: ['etag'],
    idempotent: true,
    summary: 'Confirm an upload: the file is checked and recorded with a new revision',
    auth: ['reporter'],
    params: { ...submissionParams, attachmentId: api.Slug },
    ifMatch: 'optional',
    response: api.Submission,
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}/attachments',
    area: 'attachments',
    operationId: 'listAttachments',
    summary: "A report's attachments",
    auth: ALL_ROLES,
    params: submissionParams,
    response: api.listOf(api.Attachment),
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}/attachments/{attachmentId}',
    area: 'attachments',
    operationId: 'downloadAttachment',
    summary: 'Redirect (302) to a short-lived download link',
    auth: ALL_ROLES,
    params: { ...submissionParams, attachmentId: api.Slug },
    status: 302,
    response: z.undefined(),
  },
  {
    method: 'DELETE',
    path: '/rounds/{roundId}/submissions/{orgId}/attachments/{attachmentId}',
    area: 'attachments',
    operationId: 'deleteAttachment',
    responseHeaders: ['etag'],
    summary: 'Take an attachment off the report, as a new revision (the file is kept for the earlier revisions)',
    auth: ['reporter'],
    params: { ...submissionParams, attachmentId: api.Slug },
    ifMatch: 'required',
    response: api.Submission,
  },
] as const satisfies readonly RouteSpec[];
