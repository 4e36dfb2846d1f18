// The rounds area's routes: reporting rounds: who reports which form for which period, and by when.
// Each route is declared here once; functions/routes.ts gathers all areas for the CDK API, the
// local server and the OpenAPI document, while this area's function imports only these.
import * as api from '#schemas/api';
import { ALL_ROLES, ADMIN_ROLES, roundParams, type RouteSpec } from '#functions/routes/spec';

export const ROUNDS_ROUTES = [
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
    method: 'PUT',
    path: '/rounds/{roundId}',
    area: 'rounds',
    operationId: 'updateRound',
    summary: 'Change a round before it opens (form version, title, period, dates, respondents, mode, reminder policy); 409 once it has opened',
    auth: ADMIN_ROLES,
    params: roundParams,
    body: api.UpdateRoundRequest,
    response: api.Round,
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
] as const satisfies readonly RouteSpec[];
