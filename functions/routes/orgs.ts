// The orgs area's routes: the organisation registry on a date, contact addresses and SST's
// notification settings. Each route is declared here once; functions/routes.ts gathers all areas
// for the CDK API, the local server and the OpenAPI document, while this area's function imports
// only these.
import * as api from '#schemas/api';
import * as schedule from '#schemas/schedule';
import { ALL_ROLES, SST_ROLES, ADMIN_ROLES, REPORT_AND_REVIEW, type RouteSpec } from '#functions/routes/spec';

export const ORGS_ROUTES = [
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
] as const satisfies readonly RouteSpec[];
