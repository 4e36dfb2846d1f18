// The summaries area's routes: consolidated summaries, round status and trends, for SST and its
// systems. Each route is declared here once; functions/routes.ts gathers all areas for the CDK API,
// the local server and the OpenAPI document, while this area's function imports only these.
import * as api from '#schemas/api';
import * as summary from '#schemas/summary';
import { ADMIN_ROLES, SUMMARY_READERS, roundParams, type RouteSpec } from '#functions/routes/spec';

export const SUMMARIES_ROUTES = [
  {
    method: 'GET',
    path: '/rounds/{roundId}/summary',
    area: 'summaries',
    operationId: 'getRoundSummary',
    responseHeaders: ['etag', 'x-summary-source', 'x-summary-built-at', 'content-disposition'],
    also: [303, 304],
    ifNoneMatchEtag: true,
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
] as const satisfies readonly RouteSpec[];
