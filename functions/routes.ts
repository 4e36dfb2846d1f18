// Every route, declared once, in its area's file (functions/routes/<area>.ts). Gathered here for
// the three readers of the whole table: the CDK API (infra/), the local server (local/) and the
// OpenAPI generator (functions/openapi.ts); a test proves they agree. An area's function imports only
// its own routes, so it builds only their schemas at cold start.
import { META_ROUTES } from '#functions/routes/meta';
import { ORGS_ROUTES } from '#functions/routes/orgs';
import { FORMS_ROUTES } from '#functions/routes/forms';
import { ROUNDS_ROUTES } from '#functions/routes/rounds';
import { SUBMISSIONS_ROUTES } from '#functions/routes/submissions';
import { AUDIT_ROUTES } from '#functions/routes/audit';
import { ATTACHMENTS_ROUTES } from '#functions/routes/attachments';
import { SUMMARIES_ROUTES } from '#functions/routes/summaries';
import { CALENDAR_ROUTES } from '#functions/routes/calendar';
import { PUBLICATIONS_ROUTES } from '#functions/routes/publications';
import { DEV_ROUTES } from '#functions/routes/dev';
import type { Area, RouteSpec } from '#functions/routes/spec';

export * from '#functions/routes/spec';

export const ROUTES = [
  ...META_ROUTES,
  ...ORGS_ROUTES,
  ...FORMS_ROUTES,
  ...ROUNDS_ROUTES,
  ...SUBMISSIONS_ROUTES,
  ...AUDIT_ROUTES,
  ...ATTACHMENTS_ROUTES,
  ...SUMMARIES_ROUTES,
  ...CALENDAR_ROUTES,
  ...PUBLICATIONS_ROUTES,
  ...DEV_ROUTES,
] as const satisfies readonly RouteSpec[];

export type OperationId = (typeof ROUTES)[number]['operationId'];

/** The routes API Gateway serves: everything but the local-only ones. */
export const deployedRoutes = (): RouteSpec[] => (ROUTES as readonly RouteSpec[]).filter((r) => !r.localOnly);

/** The deployed routes as the web app's config.json lists them (`METHOD /path`), for feature detection. */
export const webRoutes = (served: (r: RouteSpec) => boolean = () => true): string[] => deployedRoutes().filter(served).map((r) => `${r.method} ${r.path}`);

export const routesOfArea = (area: Area): RouteSpec[] => (ROUTES as readonly RouteSpec[]).filter((r) => r.area === area);

export const AREAS: readonly Area[] = ['meta', 'orgs', 'forms', 'rounds', 'submissions', 'audit', 'attachments', 'summaries', 'calendar', 'publications'];
