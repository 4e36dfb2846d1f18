// What a route is (RouteSpec), who may call it, and the parameters routes share. Each area's
// routes are in functions/routes/<area>.ts; functions/routes.ts gathers them all.
import * as z from 'zod';
import * as api from '#schemas/api';
import { SUMMARIES_READ_FULL_SCOPE, SUMMARIES_READ_SCOPE } from '#core/identity';

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
  /**
   * Media types also accepted as a file upload (e.g. an .xlsx workbook) besides the JSON `body`: the
   * operation then gets an `UploadedFile` with the bytes instead of a parsed body.
   */
  uploads?: readonly string[];
  /** Largest accepted body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  ifMatch?: 'required' | 'optional';
  /** Honours `If-None-Match` (`*`: only if nothing exists yet); the edge reads it only where declared. */
  ifNoneMatch?: 'optional';
  /** Honours an `Idempotency-Key` header: a retry with the same key and body replays the first answer. */
  idempotent?: boolean;
  status?: number;
  response: z.ZodType;
  /** Response media types other than JSON (e.g. CSV), for the OpenAPI document. */
  produces?: readonly string[];
  /** Problem statuses beyond those derived from what the route declares (e.g. 409 for an export that cannot be made). */
  problems?: readonly number[];
  /** Headers a success answer carries, besides `Location` (201) and `idempotent-replayed` (idempotent routes). */
  responseHeaders?: readonly ResponseHeader[];
  /** Answers besides the success and the problems derived from the route: a redirect to storage, not modified. */
  also?: readonly (303 | 304)[];
  /** Honours `If-None-Match` with a representation's ETag (answers 304 when it still matches). */
  ifNoneMatchEtag?: boolean;
}

/** Response headers the API sets, by name; the OpenAPI document describes each once. */
export type ResponseHeader = 'etag' | 'content-disposition' | 'x-summary-source' | 'x-summary-built-at';

export const ALL_ROLES: readonly Caller[] = ['reporter', 'sst-reader', 'sst-admin'];
export const SST_ROLES: readonly Caller[] = ['sst-reader', 'sst-admin'];
export const ADMIN_ROLES: readonly Caller[] = ['sst-admin'];
export const REPORT_AND_REVIEW: readonly Caller[] = ['reporter', 'sst-admin'];

/** SST's staff, and SST's own systems with a client-credentials token for summaries. */
export const SUMMARY_READERS = { auth: ['sst-reader', 'sst-admin', 'machine'], scopes: [SUMMARIES_READ_FULL_SCOPE] } as const;

export const roundParams = { roundId: api.RoundId };
export const submissionParams = { roundId: api.RoundId, orgId: api.OrgId };
export const revisionParams = { ...submissionParams, revision: z.coerce.number().int().min(1).max(99_999_999) };

export const routeKey = (r: Pick<RouteSpec, 'method' | 'path'>) => `${r.method} ${r.path}`;

export { SUMMARIES_READ_SCOPE };
