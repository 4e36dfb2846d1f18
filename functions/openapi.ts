// Generates the OpenAPI 3.1 document from the route table and the zod schemas, so the
// document can never drift from what the handlers accept and answer. What a route answers is
// derived from what it declares (auth, params, body, preconditions, idempotency, redirects);
// test/hardening/contract.test.ts holds every real answer of the authorization matrix against
// this document, and `redocly lint` runs on it in the tests.
import * as z from 'zod';
import { deployedRoutes, type RouteSpec } from '#functions/routes';
import type { ResponseHeader } from '#functions/routes/spec';
import { PROBLEMS, PROBLEM_BASE } from '#core/problems';

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function schemaOf(schema: z.ZodType, io: 'input' | 'output'): object {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return ref(id);
  // Unnamed wrappers (a list of organisations, a prefill result) keep references to the named
  // schemas inside them, so those stay components a client can name.
  if (schema instanceof z.ZodArray) return { type: 'array', items: schemaOf(schema.element as z.ZodType, io) };
  if (schema instanceof z.ZodObject && Object.values(schema.shape).some((v) => z.globalRegistry.get(v as z.ZodType)?.id || v instanceof z.ZodArray)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    const required = Object.keys(shape).filter((k) => !shape[k]!.safeParse(undefined).success);
    return {
      type: 'object',
      properties: Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, schemaOf(v, io)])),
      ...(required.length ? { required } : {}),
      additionalProperties: false,
    };
  }
  // A private registry: nested schemas are inlined instead of being pulled into local $defs,
  // whose references would not resolve inside an OpenAPI document.
  return z.toJSONSchema(schema, { metadata: z.registry(), io, unrepresentable: 'any' });
}

/** Every problem status the API can answer, with what it means in general. */
const STATUS_TEXT: Record<number, string> = {
  400: 'Malformed JSON, parameters or query',
  401: 'No token, or an invalid, expired or forged one',
  403: 'The role or organisation may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Not possible in the current state of the round or report (or the same Idempotency-Key is still running, or the form version cannot be written as a sheet)',
  412: 'Someone else saved first: `savedBy`, `savedAt`, `currentRevision`, `currentEtag`',
  413: 'Body too large',
  415: 'Body is not of the declared media type',
  422: 'Body or answers invalid: `errors` lists each as {pointer, message}, a form workbook\'s also with sheet, row and column (or the Idempotency-Key was used for another body)',
  428: 'The change must name the version it starts from (If-Match)',
  429: 'Too many requests (API Gateway throttling)',
  500: 'Internal error (no details are disclosed)',
  503: 'Storage is busy or unavailable: retry after `Retry-After` seconds',
};

/** The problem types of the catalogue that answer with `status`. */
const typesOf = (status: number) =>
  Object.entries(PROBLEMS)
    .filter(([, p]) => p.status === status)
    .map(([type]) => `${PROBLEM_BASE}${type}`);

const HEADERS: Record<ResponseHeader | 'location' | 'retry-after' | 'idempotent-replayed', object> = {
  etag: { description: 'The version of the report (or representation); send it back as If-Match', schema: { type: 'string' } },
  location: { description: 'Where the created resource, or the file, is', schema: { type: 'string' } },
  'retry-after': { description: 'Seconds to wait before retrying', schema: { type: 'integer' } },
  'idempotent-replayed': { description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key', schema: { type: 'string', enum: ['true'] } },
  'content-disposition': { description: 'Suggested file name', schema: { type: 'string' } },
  'x-summary-source': { description: '`stored`: the scheduled build; `fresh`: built for this request', schema: { type: 'string', enum: ['stored', 'fresh'] } },
  'x-summary-built-at': { description: 'When the summary was built (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
};
const headerRef = (name: keyof typeof HEADERS) => ({ $ref: `#/components/headers/${name}` });

const PARAMETERS = {
  IfMatch: { name: 'If-Match', in: 'header', description: 'The ETag of the version this change starts from (`"0-new"` for a report nobody has saved yet)', schema: { type: 'string' } },
  IfNoneMatch: { name: 'If-None-Match', in: 'header', required: false, description: '`*`: do this only if nothing exists yet (a first save that must not overwrite one made meanwhile)', schema: { type: 'string' } },
  IfNoneMatchEtag: { name: 'If-None-Match', in: 'header', required: false, description: 'An ETag from an earlier answer: 304 while it still matches', schema: { type: 'string' } },
  IdempotencyKey: {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description: 'A unique key (e.g. a UUID): a retry with the same key and body replays the first answer',
    schema: { type: 'string', minLength: 1, maxLength: 255 },
  },
};

/** The problem statuses a route can answer, from what it declares. */
function problemStatuses(route: RouteSpec): number[] {
  const out = new Set<number>([400, 500]);
  if (route.auth !== 'public') [401, 403, 429, 503].forEach((s) => out.add(s));
  if (route.params) out.add(404);
  if (route.body) [413, 415, 422].forEach((s) => out.add(s));
  if (route.method !== 'GET' && route.auth !== 'public') out.add(409);
  if (route.ifMatch || route.ifNoneMatch) [409, 412].forEach((s) => out.add(s));
  if (route.ifMatch === 'required') out.add(428);
  if (route.idempotent) [409, 422].forEach((s) => out.add(s));
  if (route.query) out.add(400);
  for (const s of route.problems ?? []) out.add(s);
  return [...out].sort((a, b) => a - b);
}

function problemResponse(status: number): object {
  return {
    description: STATUS_TEXT[status] ?? 'Problem',
    ...(status === 503 ? { headers: { 'Retry-After': headerRef('retry-after') } } : {}),
    content: {
      'application/problem+json': {
        schema: { allOf: [ref('Problem'), { type: 'object', properties: { type: { type: 'string', enum: typesOf(status) } } }] },
      },
    },
  };
}

const HEADER_NAMES: Record<string, string> = {
  etag: 'ETag',
  location: 'Location',
  'content-disposition': 'Content-Disposition',
  'x-summary-source': 'x-summary-source',
  'x-summary-built-at': 'x-summary-built-at',
  'idempotent-replayed': 'idempotent-replayed',
};

function successResponse(route: RouteSpec): [string, object] {
  const status = route.status ?? 200;
  const headers: Record<string, object> = {};
  for (const h of route.responseHeaders ?? []) headers[HEADER_NAMES[h] ?? h] = headerRef(h);
  if (status === 201 || status === 302) headers['Location'] = headerRef('location');
  if (route.idempotent) headers['idempotent-replayed'] = headerRef('idempotent-replayed');
  if (status === 302) return ['302', { description: 'Redirect to a short-lived download link', headers }];
  // A route that answers only another media type (an HTML page) has no JSON body to describe.
  const onlyOther = route.produces !== undefined && route.response instanceof z.ZodString;
  const content: Record<string, object> = onlyOther ? {} : { 'application/json': { schema: schemaOf(route.response, 'output') } };
  for (const type of route.produces ?? []) content[type] = { schema: { type: 'string', ...(type.startsWith('text/') ? {} : { contentMediaType: type }) } };
  return [String(status), { description: status === 201 ? 'Created' : 'OK', ...(Object.keys(headers).length ? { headers } : {}), content }];
}

function extraResponses(route: RouteSpec): Record<string, object> {
  const out: Record<string, object> = {};
  const meta = Object.fromEntries((route.responseHeaders ?? []).filter((h) => h !== 'content-disposition').map((h) => [HEADER_NAMES[h] ?? h, headerRef(h)]));
  for (const status of route.also ?? []) {
    if (status === 303) out['303'] = { description: "The body is over Lambda's 6 MB limit: fetch it from the short-lived link in Location", headers: { ...meta, Location: headerRef('location') } };
    if (status === 304) out['304'] = { description: 'Not modified: the If-None-Match ETag still matches', headers: meta };
  }
  return out;
}

const fullScope = (scope: string) => (scope.includes('/') ? scope : `statusportalen/${scope}`);

const TAGS: Record<string, string> = {
  meta: 'Liveness and this document',
  orgs: 'The organisation registry in time, and reminder addresses',
  forms: 'Forms and their immutable versions (JSON Schema 2020-12)',
  rounds: 'Reporting rounds, extensions, reminder policy',
  submissions: "Each organisation's report in a round: drafts, submission, review, versions, print view",
  audit: 'The append-only audit trail',
  attachments: 'Supporting documents, uploaded straight to storage',
  summaries: 'Consolidated summaries, round status, trends and national indicator data',
  calendar: 'The Task Force year wheel and its calendar file',
};

function security(route: RouteSpec): object[] {
  if (route.auth === 'public') return [];
  const staff = route.auth.some((c) => c !== 'machine') ? [{ bearer: [] }] : [];
  // Cognito names a resource server's scope `<server>/<scope>`; that full name is what a client asks for.
  const machine = route.auth.includes('machine') ? [{ clientCredentials: (route.scopes ?? []).map(fullScope) }] : [];
  return [...staff, ...machine];
}

function operation(route: RouteSpec): object {
  const parameters: object[] = [];
  for (const [name, schema] of Object.entries(route.params ?? {})) {
    parameters.push({ name, in: 'path', required: true, schema: schemaOf(schema, 'input') });
  }
  if (route.query instanceof z.ZodObject) {
    for (const [name, schema] of Object.entries(route.query.shape as Record<string, z.ZodType>)) {
      parameters.push({ name, in: 'query', required: !schema.safeParse(undefined).success, schema: schemaOf(schema, 'input') });
    }
  }
  if (route.ifMatch) parameters.push({ ...PARAMETERS.IfMatch, required: route.ifMatch === 'required' });
  if (route.ifNoneMatch) parameters.push({ $ref: '#/components/parameters/IfNoneMatch' });
  if (route.ifNoneMatchEtag) parameters.push({ $ref: '#/components/parameters/IfNoneMatchEtag' });
  if (route.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  const [status, success] = successResponse(route);
  const problems = Object.fromEntries(problemStatuses(route).map((s) => [String(s), problemResponse(s)]));
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.area],
    security: security(route),
    ...(route.auth !== 'public' ? { description: `Allowed: ${route.auth.join(', ')}${route.scopes ? ` (scopes: ${route.scopes.join(', ')})` : ''}` } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? {
          requestBody: {
            required: true,
            content: {
              [route.bodyType === 'csv' ? 'text/csv' : 'application/json']: { schema: schemaOf(route.body, 'input') },
              ...Object.fromEntries((route.uploads ?? []).map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
            },
          },
        }
      : {}),
    responses: { [status]: success, ...extraResponses(route), ...problems },
  };
}

/** The component schemas the paths reach, directly or through other components. */
function reachable(paths: object, all: Record<string, unknown>): Record<string, unknown> {
  const used = new Set<string>();
  const visit = (node: unknown) => {
    const text = JSON.stringify(node);
    for (const m of text.matchAll(/#\/components\/schemas\/([A-Za-z0-9_.-]+)/g)) {
      const id = m[1]!;
      if (!used.has(id) && all[id]) {
        used.add(id);
        visit(all[id]);
      }
    }
  };
  visit(paths);
  return Object.fromEntries(Object.entries(all).filter(([id]) => used.has(id)).sort(([a], [b]) => a.localeCompare(b)));
}

export function openApiDocument(): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of deployedRoutes()) {
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route);
  }
  const components = z.toJSONSchema(z.globalRegistry, { uri: (id) => `#/components/schemas/${id}`, unrepresentable: 'any' });
  const headers = Object.fromEntries(Object.entries(HEADERS).filter(([name]) => JSON.stringify(paths).includes(`#/components/headers/${name}"`)));
  const parameters = Object.fromEntries(Object.entries(PARAMETERS).filter(([name]) => JSON.stringify(paths).includes(`#/components/parameters/${name}"`)));
  return {
    openapi: '3.1.0',
    info: {
      title: 'Statusportalen API',
      version: '1',
      description:
        'Yearly status reports from Danish regions and municipalities to Sundhedsstyrelsen. Errors are RFC 9457 problem documents; ' +
        `their types are ${Object.keys(PROBLEMS).length} stable URIs under ${PROBLEM_BASE}, and each error response lists the types it can carry.`,
    },
    servers: [
      { url: 'http://127.0.0.1:3000', description: 'The local stack (`npm start`)' },
      {
        // Through CloudFront and its WAF: the execute-api address is no way in (switched off with a custom domain).
        url: 'https://{distribution}.cloudfront.net/api',
        description: 'A deployment: the `ApiUrl` output of the Api stack (the web app\'s own CloudFront distribution, under /api)',
        variables: { distribution: { default: 'example', description: 'The CloudFront distribution host of the Web stack' } },
      },
    ],
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    tags: [...new Set(deployedRoutes().map((r) => r.area))].map((name) => ({ name, description: TAGS[name] ?? name })),
    paths,
    components: {
      schemas: reachable(paths, components.schemas as Record<string, unknown>),
      headers,
      parameters,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "Staff: a Cognito ID or access token from the web app's sign-in (authorization code + PKCE)" },
        clientCredentials: {
          type: 'oauth2',
          description: "SST's own systems: the Data stack's machine client; the token URL is the deployment's `TokenUrl` output (the URL below is the README's example domain).",
          flows: {
            clientCredentials: {
              tokenUrl: 'https://statusportalen-sst.auth.eu-north-1.amazoncognito.com/oauth2/token',
              scopes: Object.fromEntries(
                [...new Set(deployedRoutes().flatMap((r) => r.scopes ?? []))].map((scope) => [fullScope(scope), 'Read consolidated summaries, round status and trends']),
              ),
            },
          },
        },
      },
    },
  };
}
