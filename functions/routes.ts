// Every route, declared once. Three readers: the CDK API (infra/), the local server (local/)
// and the OpenAPI generator (schemas/openapi.ts); a test proves they agree.
// `area` names the Lambda function that serves the route (one function per area).
import * as z from 'zod';
import * as api from '#schemas/api';
import * as summary from '#schemas/summary';
import * as schedule from '#schemas/schedule';
import { SUMMARIES_READ_SCOPE } from '#core/identity';

export type Area = 'meta' | 'orgs' | 'forms' | 'rounds' | 'submissions' | 'audit' | 'attachments' | 'summaries' | 'calendar';
export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export type Caller = api.Role | 'machine';

export interface RouteSpec {
  method: Method;
  /** API Gateway syntax: `/rounds/{roundId}`. */
  path: string;
  area: Area | 'dev';
  operationId: string;
  summary: string;
  /** 'public' needs no token; otherwise the roles (and machine client) allowed at all. */
  auth: 'public' | readonly Caller[];
  /** OAuth scopes a machine client needs (client-credentials tokens). */
  scopes?: readonly string[];
  /** Only on the local stack; never deployed. */
  localOnly?: boolean;
  params?: Record<string, z.ZodType>;
  query?: z.ZodType;
  body?: z.ZodType;
  /** How the body is read: JSON (default) or CSV text (`text/csv`), validated by `body` as a string. */
  bodyType?: 'json' | 'csv';
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  ifMatch?: 'required' | 'optional';
  /** Honours an `Idempotency-Key` header: a retry with the same key and body replays the first answer. */
  idempotent?: boolean;
  status?: number;
  response: z.ZodType;
  /** Response media types other than JSON (e.g. CSV), for the OpenAPI document. */
  produces?: readonly string[];
}

export const ALL_ROLES: readonly Caller[] = ['reporter', 'sst-reader', 'sst-admin'];
export const SST_ROLES: readonly Caller[] = ['sst-reader', 'sst-admin'];
export const ADMIN_ROLES: readonly Caller[] = ['sst-admin'];
const REPORT_AND_REVIEW: readonly Caller[] = ['reporter', 'sst-admin'];

/** SST's staff, and SST's own systems with a client-credentials token for summaries. */
const SUMMARY_READERS = { auth: ['sst-reader', 'sst-admin', 'machine'], scopes: [SUMMARIES_READ_SCOPE] } as const;

const roundParams = { roundId: api.RoundId };
const submissionParams = { roundId: api.RoundId, orgId: api.OrgId };
const revisionParams = { ...submissionParams, revision: z.coerce.number().int().min(1).max(99_999_999) };

export const ROUTES = [
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
  {
    method: 'GET',
    path: '/orgs',
    area: 'orgs',
    operationId: 'listOrganisations',
    summary: 'Organisations valid on a date (the registry knows the 2027 merger)',
    auth: ALL_ROLES,
    query: api.OrgQuery,
    response: api.listOf(api.Organisation),
  },
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
  { method: 'GET', path: '/rounds', area: 'rounds', operationId: 'listRounds', summary: 'Rounds the caller takes part in', auth: ALL_ROLES, response: api.listOf(api.Round) },
  {
    method: 'POST',
    path: '/rounds',
    area: 'rounds',
    operationId: 'createRound',
    idempotent: true,
    summary: 'Open a reporting round',
    auth: ADMIN_ROLES,
    body: api.CreateRoundRequest,
    status: 201,
    response: api.Round,
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}',
    area: 'rounds',
    operationId: 'getRound',
    summary: 'One round',
    auth: ALL_ROLES,
    params: roundParams,
    response: api.Round,
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}',
    area: 'submissions',
    operationId: 'getSubmission',
    summary: "An organisation's report in a round, with its ETag",
    auth: ALL_ROLES,
    params: submissionParams,
    response: api.Submission,
  },
  {
    method: 'PUT',
    path: '/rounds/{roundId}/submissions/{orgId}',
    area: 'submissions',
    operationId: 'saveDraft',
    summary: 'Save a draft (partial answers allowed; If-Match once a revision exists)',
    auth: ['reporter'],
    params: submissionParams,
    body: api.SaveDraftRequest,
    ifMatch: 'optional',
    response: api.Submission,
  },
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/submit',
    area: 'submissions',
    operationId: 'submit',
    idempotent: true,
    summary: 'Validate fully and submit',
    auth: ['reporter'],
    params: submissionParams,
    ifMatch: 'required',
    response: api.Submission,
  },
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/reopen',
    area: 'submissions',
    operationId: 'reopen',
    idempotent: true,
    summary: 'Reopen a submitted report as a draft (SST: reopen an accepted one, with a reason)',
    auth: REPORT_AND_REVIEW,
    params: submissionParams,
    body: api.ReopenRequest,
    ifMatch: 'optional',
    response: api.Submission,
  },
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/return',
    area: 'submissions',
    operationId: 'returnSubmission',
    idempotent: true,
    summary: 'Return a submitted report for correction, with a comment',
    auth: ADMIN_ROLES,
    params: submissionParams,
    body: api.ReviewRequest,
    ifMatch: 'optional',
    response: api.Submission,
  },
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/accept',
    area: 'submissions',
    operationId: 'acceptSubmission',
    idempotent: true,
    summary: 'Accept a submitted report',
    auth: ADMIN_ROLES,
    params: submissionParams,
    ifMatch: 'optional',
    response: api.Submission,
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}/revisions',
    area: 'submissions',
    operationId: 'listRevisions',
    summary: 'Every saved revision of a report',
    auth: ALL_ROLES,
    params: submissionParams,
    response: api.listOf(api.Revision),
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}/revisions/{revision}',
    area: 'submissions',
    operationId: 'getRevision',
    summary: 'One revision with its answers',
    auth: ALL_ROLES,
    params: revisionParams,
    response: api.RevisionDetail,
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/submissions/{orgId}/revisions/{revision}/diff/{other}',
    area: 'submissions',
    operationId: 'diffRevisions',
    summary: 'Changed fields between two revisions, as JSON pointers with old and new values',
    auth: ALL_ROLES,
    params: { ...revisionParams, other: z.coerce.number().int().min(1).max(99_999_999) },
    response: api.RevisionDiff,
  },
  {
    method: 'POST',
    path: '/rounds/{roundId}/submissions/{orgId}/prefill',
    area: 'submissions',
    operationId: 'prefill',
    idempotent: true,
    summary: "Start a report from the organisation's accepted answers of the previous round of the same form",
    auth: ['reporter'],
    params: submissionParams,
    status: 201,
    response: api.PrefillResult,
  },
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
    method: 'PUT',
    path: '/rounds/{roundId}/form-version',
    area: 'rounds',
    operationId: 'switchFormVersion',
    summary: "Move a round to another version of its form (only before the first submission)",
    auth: ADMIN_ROLES,
    params: roundParams,
    body: api.SwitchFormVersionRequest,
    response: api.Round,
  },
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
    method: 'GET',
    path: '/rounds/{roundId}/summary',
    area: 'summaries',
    operationId: 'getRoundSummary',
    summary:
      "A round's consolidated summary as JSON, CSV (Danish Excel), XLSX or a printable Danish HTML report; a body over Lambda's 6 MB limit answers 303 to a short-lived S3 link",
    ...SUMMARY_READERS,
    params: roundParams,
    query: summary.SummaryQuery,
    response: summary.RoundSummary,
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/html'],
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/status',
    area: 'summaries',
    operationId: 'getRoundStatus',
    summary: 'Completeness and timeliness of a round, live: expected, reported, on time, late, missing, per region and organisation',
    ...SUMMARY_READERS,
    params: roundParams,
    response: summary.RoundStatus,
  },
  {
    method: 'GET',
    path: '/forms/{formId}/trend',
    area: 'summaries',
    operationId: 'getFormTrend',
    summary: "A form's rounds side by side across years: every number and choice as a series, with national indicator data",
    ...SUMMARY_READERS,
    params: { formId: api.FormId },
    response: summary.FormTrend,
  },
  {
    method: 'PUT',
    path: '/forms/{formId}/indicators',
    area: 'summaries',
    operationId: 'putIndicators',
    summary: 'Replace the national indicator data shown beside a form (text/csv; errors name line and column)',
    auth: ADMIN_ROLES,
    params: { formId: api.FormId },
    bodyType: 'csv',
    body: summary.IndicatorCsv,
    maxBodyBytes: 5 * 1024 * 1024,
    response: summary.IndicatorDataset,
  },
  {
    method: 'GET',
    path: '/forms/{formId}/indicators',
    area: 'summaries',
    operationId: 'getIndicators',
    summary: 'The national indicator data currently shown beside a form',
    ...SUMMARY_READERS,
    params: { formId: api.FormId },
    response: summary.IndicatorDataset,
  },
  {
    method: 'GET',
    path: '/orgs/{orgId}/contacts',
    area: 'orgs',
    operationId: 'getContacts',
    summary: "An organisation's contact addresses for reporting (reporters: their own)",
    auth: ALL_ROLES,
    params: { orgId: api.OrgId },
    response: schedule.Contacts,
  },
  {
    method: 'PUT',
    path: '/orgs/{orgId}/contacts',
    area: 'orgs',
    operationId: 'putContacts',
    summary: "Replace an organisation's contact addresses (SST admins: any; reporters: their own)",
    auth: REPORT_AND_REVIEW,
    params: { orgId: api.OrgId },
    body: schedule.ContactsRequest,
    response: schedule.Contacts,
  },
  {
    method: 'GET',
    path: '/notifications/settings',
    area: 'orgs',
    operationId: 'getNotificationSettings',
    summary: "SST's notices: new submissions (immediate, daily, off) and the overdue digest",
    auth: SST_ROLES,
    response: schedule.NotificationSettings,
  },
  {
    method: 'PUT',
    path: '/notifications/settings',
    area: 'orgs',
    operationId: 'putNotificationSettings',
    summary: "Choose SST's notices (sent to the contact addresses of the organisation `sst`)",
    auth: ADMIN_ROLES,
    body: schedule.NotificationSettingsRequest,
    response: schedule.NotificationSettings,
  },
  {
    method: 'PUT',
    path: '/rounds/{roundId}/reminder-policy',
    area: 'calendar',
    operationId: 'setReminderPolicy',
    summary: "Change a round's reminder policy (steps already sent stay sent)",
    auth: ADMIN_ROLES,
    params: roundParams,
    body: schedule.ReminderPolicyRequest,
    response: api.Round,
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/reminders',
    area: 'calendar',
    operationId: 'listReminders',
    summary: 'Every reminder of a round: who, which step, sent or failed',
    auth: SST_ROLES,
    params: roundParams,
    response: api.listOf(schedule.ReminderLogEntry),
  },
  {
    method: 'GET',
    path: '/rounds/{roundId}/extensions',
    area: 'calendar',
    operationId: 'listExtensions',
    summary: 'Extended deadlines in a round (reporters: their own)',
    auth: ALL_ROLES,
    params: roundParams,
    response: api.listOf(schedule.Extension),
  },
  {
    method: 'PUT',
    path: '/rounds/{roundId}/extensions/{orgId}',
    area: 'calendar',
    operationId: 'grantExtension',
    summary: 'Give one organisation a later deadline in a round, with a reason',
    auth: ADMIN_ROLES,
    params: submissionParams,
    body: schedule.ExtensionRequest,
    response: schedule.Extension,
  },
  {
    method: 'GET',
    path: '/meetings',
    area: 'calendar',
    operationId: 'listMeetings',
    summary: 'Task Force meetings',
    auth: ALL_ROLES,
    response: api.listOf(schedule.Meeting),
  },
  {
    method: 'POST',
    path: '/meetings',
    area: 'calendar',
    operationId: 'createMeeting',
    idempotent: true,
    summary: 'Add a Task Force meeting to the year wheel',
    auth: ADMIN_ROLES,
    body: schedule.MeetingRequest,
    status: 201,
    response: schedule.Meeting,
  },
  {
    method: 'PUT',
    path: '/meetings/{meetingId}',
    area: 'calendar',
    operationId: 'updateMeeting',
    summary: 'Change a Task Force meeting (calendars replace the event: same UID, higher SEQUENCE)',
    auth: ADMIN_ROLES,
    params: { meetingId: schedule.MeetingId },
    body: schedule.MeetingRequest,
    response: schedule.Meeting,
  },
  {
    method: 'GET',
    path: '/calendar',
    area: 'calendar',
    operationId: 'getCalendar',
    summary: "The year wheel: meetings and deadlines (reporters: their rounds, with their own deadline)",
    auth: ALL_ROLES,
    query: schedule.CalendarQuery,
    response: api.listOf(schedule.CalendarEntry),
  },
  {
    method: 'GET',
    path: '/calendar.ics',
    area: 'calendar',
    operationId: 'getCalendarIcs',
    summary: 'The year wheel as iCalendar (RFC 5545) for Outlook and Google Calendar',
    auth: ALL_ROLES,
    query: schedule.CalendarQuery,
    response: z.string(),
    produces: ['text/calendar'],
  },
  {
    method: 'GET',
    path: '/dev/outbox',
    area: 'dev',
    operationId: 'devOutbox',
    summary: 'Local only: the e-mails the local stack "sent" (.eml files in the outbox), newest first',
    auth: 'public',
    localOnly: true,
    response: api.listOf(schedule.OutboxItem),
  },
  {
    method: 'POST',
    path: '/dev/jobs/{name}',
    area: 'dev',
    operationId: 'devRunJob',
    summary: 'Local only: run a scheduled job now, optionally with a given clock (?now=ISO)',
    auth: 'public',
    localOnly: true,
    params: schedule.JobParams,
    query: schedule.JobQuery,
    response: schedule.JobRun,
  },
  {
    method: 'POST',
    path: '/dev/token',
    area: 'dev',
    operationId: 'devToken',
    summary: 'Local only: a signed development token for a role and organisation',
    auth: 'public',
    localOnly: true,
    body: api.DevTokenRequest,
    response: z.object({ token: z.string() }),
  },
] as const satisfies readonly RouteSpec[];

export type OperationId = (typeof ROUTES)[number]['operationId'];

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

/** The routes API Gateway serves: everything but the local-only ones. */
export const deployedRoutes = (): RouteSpec[] => (ROUTES as readonly RouteSpec[]).filter((r) => !r.localOnly);

export const routesOfArea = (area: Area): RouteSpec[] => (ROUTES as readonly RouteSpec[]).filter((r) => r.area === area);

export const AREAS: readonly Area[] = ['meta', 'orgs', 'forms', 'rounds', 'submissions', 'audit', 'attachments', 'summaries', 'calendar'];

export { SUMMARIES_READ_SCOPE };
