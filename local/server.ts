// The local API Gateway: turns each HTTP request into an API Gateway HTTP API (payload v2)
// event for the very same Lambda handlers AWS runs, after verifying the bearer token as the
// JWT authorizer would. Routes come from the one route table. Local-only routes (/dev/*) are
// answered here and exist nowhere else.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';
import { ROUTES, routeKey, type Area, type RouteSpec } from '#functions/routes';
import { Problem } from '#core/problems';
import type { ApiEvent, ApiResult } from '#http/area';
import { parseRequestBody, toResponse } from '#http/area';
import { problem } from '#http/respond';
import type { DevAuth } from './dev-auth.ts';
import { devOperations } from './dev-routes.ts';

type Handler = (event: ApiEvent, context: Context) => Promise<ApiResult>;

// Each area's handler is the module CDK bundles as that area's Lambda function.
const loadHandler = (area: Area): Promise<{ handler: Handler }> => import(`../functions/handlers/${area}.ts`);

/** API Gateway's own payload limit; the handlers enforce their tighter per-route limits. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  route: RouteSpec;
  pattern: RegExp;
  names: string[];
}

const compiled: CompiledRoute[] = (ROUTES as readonly RouteSpec[]).map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
});

export interface LocalServerOptions {
  devAuth: DevAuth;
  /** Extra local-only handlers tried before the API (static web files, jobs, outbox). */
  extra?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean>;
}

function send(res: http.ServerResponse, result: ApiResult): void {
  const headers = { ...(result.headers as Record<string, string> | undefined) };
  res.writeHead(result.statusCode ?? 200, headers);
  if (result.body === undefined) return void res.end();
  res.end(result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
}

function sendProblem(res: http.ServerResponse, p: Problem, instance: string): void {
  send(res, problem(p, instance));
}

async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new Problem('payload-too-large', 'Indholdet er for stort.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * As API Gateway's HTTP API does: a text body is passed as it is, any other (an .xlsx workbook)
 * base64-encoded, so a binary upload reaches the handler byte for byte.
 */
function isText(contentType: string | undefined): boolean {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === '' || type.startsWith('text/') || type === 'application/json' || type.endsWith('+json') || type.endsWith('+xml') || type === 'application/xml' || type === 'application/x-www-form-urlencoded' || type === 'application/javascript';
}

function match(method: string, pathname: string): { route: RouteSpec; params: Record<string, string> } | 'method' | undefined {
  let pathMatched = false;
  for (const c of compiled) {
    const m = c.pattern.exec(pathname);
    if (!m) continue;
    pathMatched = true;
    if (c.route.method !== method) continue;
    const params: Record<string, string> = {};
    c.names.forEach((name, i) => {
      try {
        params[name] = decodeURIComponent(m[i + 1]!);
      } catch {
        throw new Problem('invalid-parameter', `Stien har en ugyldig værdi for "${name}".`);
      }
    });
    return { route: c.route, params };
  }
  return pathMatched ? 'method' : undefined;
}

/** Claims as API Gateway passes them to Lambda: every value a string, lists as "[a b]". */
function stringifyClaims(payload: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  // Objects (Cognito's `identities` entries) as JSON, not "[object Object]".
  const text = (v: unknown): string => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));
  for (const [k, v] of Object.entries(payload)) out[k] = Array.isArray(v) ? `[${v.map(text).join(' ')}]` : text(v);
  return out;
}

function lambdaContext(area: string): Context {
  return {
    functionName: `statusportalen-local-${area}`,
    awsRequestId: randomUUID(),
    getRemainingTimeInMillis: () => 30_000,
  } as unknown as Context;
}

export function createLocalServer({ devAuth, extra }: LocalServerOptions): http.Server {
  return http.createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      const p = err instanceof Problem ? err : new Problem('internal', 'Der opstod en fejl hos os. Prøv igen om lidt.');
      if (!(err instanceof Problem)) console.error(err);
      if (!res.headersSent) sendProblem(res, p, req.url ?? '/');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    if (extra && (await extra(req, res, url))) return;
    const found = match(method, url.pathname);
    if (found === undefined) return sendProblem(res, new Problem('not-found', 'Ressourcen findes ikke.'), url.pathname);
    if (found === 'method') return sendProblem(res, new Problem('method-not-allowed', `${method} er ikke tilladt her.`), url.pathname);
    const { route, params } = found;
    const body = await readBody(req);

    if (route.area === 'dev') return devRoute(route, req, res, body, url);

    let claims: Record<string, string> | undefined;
    if (route.auth !== 'public') {
      const header = req.headers.authorization ?? '';
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const payload = token ? await devAuth.verify(token) : undefined;
      // The JWT authorizer answers 401 before any Lambda runs; so does this.
      if (!payload) return sendProblem(res, new Problem('unauthenticated', 'Log ind og prøv igen.'), url.pathname);
      claims = stringifyClaims(payload as Record<string, unknown>);
    }

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(',') : v;
    const query: Record<string, string> = {};
    for (const [k, v] of url.searchParams) query[k] = k in query ? `${query[k]},${v}` : v;
    const now = new Date();
    const event = {
      version: '2.0',
      routeKey: routeKey(route),
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(url.search ? { queryStringParameters: query } : {}),
      ...(Object.keys(params).length ? { pathParameters: params } : {}),
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: '127.0.0.1',
        domainPrefix: 'local',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId: randomUUID(),
        routeKey: routeKey(route),
        stage: '$default',
        time: now.toISOString(),
        timeEpoch: now.getTime(),
        ...(claims ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims, scopes: null } } } : {}),
      },
      ...(body.length === 0 ? { isBase64Encoded: false } : isText(headers['content-type']) ? { body: body.toString('utf8'), isBase64Encoded: false } : { body: body.toString('base64'), isBase64Encoded: true }),
    } as unknown as ApiEvent;
    const { handler } = await loadHandler(route.area as Area);
    send(res, await handler(event, lambdaContext(route.area)));
  }

  async function devRoute(route: RouteSpec, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, url: URL) {
    const operation = devOperations[route.operationId];
    if (!operation) return sendProblem(res, new Problem('not-found', 'Ressourcen findes ikke.'), url.pathname);
    const headers: Record<string, string | undefined> = { 'content-type': req.headers['content-type'] };
    const parsed = parseRequestBody(route, body.toString('utf8'), headers);
    return send(res, toResponse(route, await operation({ body: parsed, url, devAuth })));
  }

}
