// Builds the Lambda handler of one area (one function serves every route of its area).
// The middy chain is the whole HTTP edge: parse and check the request against the route
// table, map the caller's claims to an Identity, run the operation, and turn any error into
// a problem response. Operations get plain values and never see an API Gateway type.
import middy from '@middy/core';
import type { Context, APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Logger } from '@aws-lambda-powertools/logger';
import { createHash } from 'node:crypto';
import * as z from 'zod';
import da from 'zod/v4/locales/da.js';
import { Problem, isProblem } from '#core/problems';
import type { Identity } from '#core/identity';
import { assertRole } from '#core/policy';
// The area's own routes come in as an argument: importing the whole table here would build
// every area's schemas in every function.
import { routeKey, type RouteSpec } from '#functions/routes/spec';
import { identityFromClaims, type Claims } from '#http/claims';
import { json, problem } from '#http/respond';
import { assertSafeJson, hasUnsafeText } from '#http/json-guard';

export type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type ApiResult = APIGatewayProxyStructuredResultV2;

export interface ApiRequest {
  route: RouteSpec;
  /** Undefined only on public routes. */
  identity: Identity | undefined;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  ifMatch: string | undefined;
  /** Only on routes that declare `ifNoneMatch`; elsewhere the header means nothing and is not read. */
  ifNoneMatch: string | undefined;
}

type ParamsOf<R> = R extends { params: infer P extends Record<string, z.ZodType> } ? { [K in keyof P]: z.output<P[K]> } : Record<string, never>;
type BodyOf<R> = R extends { body: infer B extends z.ZodType } ? z.output<B> | (R extends { uploads: readonly string[] } ? UploadedFile : never) : undefined;

/**
 * A file sent as the body of a route that declares `uploads`, in one of those media types. In an
 * idempotency fingerprint it stands for its media type and its bytes' SHA-256.
 */
export class UploadedFile {
  constructor(
    readonly contentType: string,
    readonly bytes: Buffer,
  ) {}
  toJSON() {
    return { contentType: this.contentType, sha256: createHash('sha256').update(this.bytes).digest('hex') };
  }
}
type QueryOf<R> = R extends { query: infer Q extends z.ZodType } ? z.output<Q> : Record<string, never>;
/** The edge answers 401 before any operation of a signed-in route runs, so there the identity is there. */
type IdentityOf<R> = R extends { auth: 'public' } ? Identity | undefined : Identity;

/** A request as one route's schemas have checked it: its identity, path parameters, query and body arrive typed. */
export type RouteRequest<R extends RouteSpec> = Omit<ApiRequest, 'params' | 'body' | 'query' | 'identity'> & {
  identity: IdentityOf<R>;
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
};

/** One operation per route of an area, each typed by its own route. */
export type Operations<Routes extends readonly RouteSpec[]> = {
  [R in Routes[number] as R['operationId']]: (req: RouteRequest<R>) => Promise<OperationResult>;
};

export interface OperationResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** A non-JSON body (CSV, HTML, XLSX as base64). */
  raw?: { body: string; contentType: string; base64?: boolean };
}

export type Operation = (req: ApiRequest) => Promise<OperationResult>;

const DEFAULT_MAX_BODY = 1024 * 1024;

// Messages of request-body checks that no schema words itself ("Ugyldigt valg: forventede en af …")
// come in Danish, as every problem a person can read does; zod's English is its default.
z.config(da());

const logger = new Logger({ serviceName: 'statusportalen' });

/** zod issues as JSON pointers, so a client can show them at the right field. */
function pointerErrors(error: z.ZodError, prefix = '') {
  return error.issues.map((issue) => ({
    pointer: prefix + issue.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
    message: issue.code === 'unrecognized_keys' ? `Ukendte felter: ${issue.keys.join(', ')}` : issue.message,
  }));
}

function lowerHeaders(headers: Record<string, string | undefined> | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(headers ?? {})) out[k.toLowerCase()] = v;
  return out;
}

/** CSV uploads (routes with `bodyType: 'csv'`): the text itself, checked by the route's string schema. */
function parseCsvBody(route: RouteSpec, raw: string, type: string): string {
  if (type !== 'text/csv' && type !== 'text/plain') {
    throw new Problem('unsupported-media-type', 'Send indholdet som text/csv i UTF-8.');
  }
  const result = route.body!.safeParse(raw);
  if (!result.success) throw new Problem('invalid-body', 'Indholdet har ikke den forventede form.', { errors: pointerErrors(result.error) });
  return result.data as string;
}

/**
 * The route's body, checked against its schema: size, media type, JSON, the JSON guard, zod.
 * Exported for the local server's /dev routes, so they get the very same checks.
 */
export function parseRequestBody(route: RouteSpec, body: string | Buffer, headers: Record<string, string | undefined>): unknown {
  if (!route.body) return undefined;
  const limit = route.maxBodyBytes ?? DEFAULT_MAX_BODY;
  if (Buffer.byteLength(body) > limit) {
    throw new Problem('payload-too-large', `Indholdet må højst fylde ${Math.round(limit / 1024)} KiB.`, { limitBytes: limit });
  }
  const type = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (route.uploads?.includes(type)) {
    if (body.length === 0) throw new Problem('invalid-body', 'Filen er tom.');
    return new UploadedFile(type, Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
  }
  const raw = typeof body === 'string' ? body : body.toString('utf8');
  if (raw.trim() === '') {
    // An empty body is allowed only where the body has no required fields.
    const empty = route.body.safeParse({});
    if (empty.success) return empty.data;
  }
  if (route.bodyType === 'csv') {
    if (hasUnsafeText(raw)) throw new Problem('invalid-body', 'Teksten indeholder ugyldige tegn (kontroltegn eller et ufuldstændigt Unicode-tegn).');
    return parseCsvBody(route, raw, type);
  }
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new Problem('unsupported-media-type', route.uploads ? 'Send indholdet som application/json eller som et Excel-regneark (.xlsx).' : 'Send indholdet som application/json.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new Problem('malformed-request', 'Indholdet er ikke gyldig JSON.');
  }
  assertSafeJson(parsed);
  const result = route.body.safeParse(parsed);
  if (!result.success) {
    throw new Problem('invalid-body', 'Indholdet har ikke den forventede form.', { errors: pointerErrors(result.error) });
  }
  return result.data;
}

function parseParams(route: RouteSpec, event: ApiEvent): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(route.params ?? {})) {
    const result = schema.safeParse(event.pathParameters?.[name] ?? '');
    if (!result.success) throw new Problem('invalid-parameter', `Stien har en ugyldig værdi for "${name}".`, { parameter: name });
    out[name] = result.data;
  }
  return out;
}

function parseQuery(route: RouteSpec, event: ApiEvent): Record<string, unknown> {
  const given = event.queryStringParameters ?? {};
  if (!route.query) return {};
  const result = route.query.safeParse(given);
  if (!result.success) {
    throw new Problem('invalid-parameter', 'Forespørgslens parametre er ugyldige.', { errors: pointerErrors(result.error, '/query') });
  }
  return result.data as Record<string, unknown>;
}

function authenticate(route: RouteSpec, event: ApiEvent): Identity | undefined {
  if (route.auth === 'public') return undefined;
  const jwt = event.requestContext.authorizer?.jwt;
  if (!jwt?.claims) throw new Problem('unauthenticated', 'Log ind og prøv igen.');
  const who = identityFromClaims(jwt.claims as Claims, jwt.scopes);
  if (!who) throw new Problem('forbidden', 'Dit login giver ingen rolle i Statusportalen.');
  if (who.role === 'machine') {
    const needed = route.scopes ?? [];
    if (!route.auth.includes('machine') || !needed.every((s) => who.scopes.includes(s))) {
      throw new Problem('forbidden', 'Klienten har ikke det nødvendige scope.');
    }
    return who;
  }
  assertRole(who, route.auth);
  return who;
}

export function toResponse(route: RouteSpec, result: OperationResult): ApiResult {
  if (result.raw) {
    return {
      statusCode: result.status ?? 200,
      headers: { 'content-type': result.raw.contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...result.headers },
      body: result.raw.body,
      isBase64Encoded: result.raw.base64 ?? false,
    };
  }
  // nosniff on every answer, bodiless ones too: a later proxy or error page must not be sniffed either.
  if (result.body === undefined) return { statusCode: result.status ?? 204, headers: { 'x-content-type-options': 'nosniff', ...result.headers } };
  return json(result.status ?? route.status ?? 200, result.body, result.headers);
}

/**
 * AWS service errors that mean "try again later". Matched on the SDK's error names and HTTP
 * status, as the SDK's own retry classifier does, so this module imports no service client.
 */
const TRANSIENT_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'SlowDown',
  'ServiceUnavailable',
  'InternalServerError',
]);

export function isTransient(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number }; CancellationReasons?: { Code?: string }[] } | undefined;
  if (!e?.$metadata) return false;
  if (TRANSIENT_NAMES.has(e.name ?? '')) return true;
  if (e.name === 'TransactionCanceledException') {
    return (e.CancellationReasons ?? []).some((r) => r.Code === 'ThrottlingError' || r.Code === 'TransactionConflict' || r.Code === 'ProvisionedThroughputExceeded');
  }
  return e.$metadata.httpStatusCode === 503 || e.$metadata.httpStatusCode === 429;
}

export type IdempotencyRunner = (
  request: { scope: string; key: string; fingerprint: string },
  run: () => Promise<ApiResult>,
) => Promise<ApiResult>;

export interface AreaOptions {
  /** Required when the area has routes flagged `idempotent` (functions/http/idempotency.ts). */
  idempotency?: IdempotencyRunner;
}

/**
 * The Lambda handler for every route of `area`, dispatching on API Gateway's routeKey.
 * Idempotency is handed in by the areas that need it, so the others do not bundle its store.
 */
export function createAreaHandler<const Routes extends readonly RouteSpec[]>(routes: Routes, typed: NoInfer<Operations<Routes>>, options: AreaOptions = {}) {
  // The edge checked each request against its route's schemas before the operation sees it, so
  // here every operation can take the untyped request.
  const operations = typed as unknown as Record<string, Operation>;
  const area = routes[0]?.area;
  if (!area || routes.some((r) => r.area !== area)) throw new Error('createAreaHandler takes the routes of one area');
  const byKey = new Map<string, { route: RouteSpec; operation: Operation }>();
  for (const route of routes) {
    const operation = operations[route.operationId];
    if (!operation) throw new Error(`area ${area} has no operation ${route.operationId}`);
    if (route.idempotent && !options.idempotency) throw new Error(`area ${area} has idempotent routes: pass { idempotency }`);
    byKey.set(routeKey(route), { route, operation });
  }

  const dispatch = async (event: ApiEvent): Promise<ApiResult> => {
    const entry = byKey.get(event.routeKey);
    if (!entry) throw new Problem('not-found', 'Ressourcen findes ikke.');
    const { route, operation } = entry;
    const headers = lowerHeaders(event.headers);
    const identity = authenticate(route, event);
    const params = parseParams(route, event);
    const query = parseQuery(route, event);
    // API Gateway hands a binary body (an .xlsx upload) over base64-encoded.
    const raw = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64') : event.body) : '';
    const body = parseRequestBody(route, raw, headers);
    const ifNoneMatch = route.ifNoneMatch ? headers['if-none-match'] : undefined;
    const run = async () => toResponse(route, await operation({ route, identity, params, query, body, headers, ifMatch: headers['if-match'], ifNoneMatch }));
    const key = headers['idempotency-key'];
    if (!route.idempotent || key === undefined || !options.idempotency) return run();
    return options.idempotency(
      {
        scope: `${identity?.subject ?? 'public'}\n${routeKey(route)}`,
        key,
        fingerprint: [event.rawPath, headers['if-match'] ?? '', ifNoneMatch ?? '', JSON.stringify(body ?? null)].join('\n'),
      },
      run,
    );
  };

  return middy<ApiEvent, ApiResult, Error, Context>({ timeoutEarlyInMillis: 0 })
    .use({
      onError: async (request) => {
        const error = request.error;
        if (isProblem(error)) {
          request.response = problem(error, request.event.rawPath);
          return;
        }
        if (isTransient(error)) {
          // Throttling or a momentary conflict inside the storage engines, still there after the
          // SDK's own retries: nothing was written, and the client may safely try again.
          logger.warn('storage unavailable', { routeKey: request.event.routeKey, error: error as Error });
          const p = problem(new Problem('unavailable', 'Systemet har travlt lige nu. Prøv igen om et øjeblik.'), request.event.rawPath);
          request.response = { ...p, headers: { ...p.headers, 'retry-after': '1' } };
          return;
        }
        // Anything else is ours to fix: log the cause, tell the client only that it failed.
        logger.error('unhandled error', { routeKey: request.event.routeKey, error: error as Error });
        request.response = problem(new Problem('internal', 'Der opstod en fejl hos os. Prøv igen om lidt.'), request.event.rawPath);
      },
    })
    .handler(dispatch);
}
