// The dev routes: local-only routes of the development stack; never deployed. Each is declared here
// once; functions/routes.ts gathers them with the others for the local server.
import * as z from 'zod';
import * as api from '#schemas/api';
import * as schedule from '#schemas/schedule';
import { type RouteSpec } from '#functions/routes/spec';

export const DEV_ROUTES = [
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
