// Shared kit for the hardening suites: a local server whose signing key the test can read
// (so it can mint expired, forged and otherwise wrong tokens with the real key), raw HTTP for
// paths fetch would normalise, storage snapshots read straight from the engines (so "nothing
// changed" is checked against what is stored, not what the API says), and the route table.
import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { SignJWT, importJWK, type JWK, type JWTPayload } from 'jose';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { startServer, type ServerHandle } from '../../local/stack.ts';
import { DEV_AUDIENCE, DEV_ISSUER } from '../../local/dev-auth.ts';
import { buildDeps, storageConfigFromEnv } from '#functions/composition';
import { getDocumentClient, getS3Client } from '#store/clients';
import type { Identity } from '#core/identity';
import { PROBLEM_BASE } from '#core/problems';
import { ROUTES, type RouteSpec } from '#functions/routes';
import type { CoreDeps } from '#core/ports';
import { openTestRound } from '../support/rounds.ts';
import { cachedTokens } from '../support/tokens.ts';
import type { CreateRoundRequest, Round } from '#schemas/api';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** `'manual'` answers a redirect as it is, instead of following it. */
  redirect?: RequestRedirect;
}

export type TokenRole = 'reporter' | 'sst-reader' | 'sst-admin' | 'author' | 'machine';

export interface Hardened {
  url: string;
  deps: CoreDeps;
  server: ServerHandle;
  token(role: TokenRole, orgId?: string): Promise<string>;
  /** Signs arbitrary claims and header with the server's own key (or another one). */
  sign(claims: JWTPayload, options?: { expiresAt?: number | string; notBefore?: number; issuer?: string; audience?: string; key?: CryptoKey; alg?: string }): Promise<string>;
  call<T = any>(method: string, path: string, options?: CallOptions): Promise<Reply<T>>;
  /** A request whose path goes to the server byte for byte (no client-side normalisation). */
  raw(method: string, rawPath: string, options?: CallOptions): Promise<Reply>;
  round(formId: string, overrides?: Partial<CreateRoundRequest>): Promise<Round>;
  stop(): Promise<void>;
}

export async function startHardened(): Promise<Hardened> {
  const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'sp-keys-')), 'dev-key.json');
  const server = await startServer({ keyFile });
  const { privateJwk } = JSON.parse(readFileSync(keyFile, 'utf8')) as { privateJwk: JWK };
  const privateKey = (await importJWK(privateJwk, 'ES256')) as CryptoKey;
  const deps = buildDeps(storageConfigFromEnv());

  const parse = (status: number, headers: Headers, text: string): Reply => {
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: keep the text.
    }
    return { status, headers, body, text };
  };

  const prepare = (options: CallOptions) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body: string | Buffer | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    return { headers, body };
  };

  const h: Hardened = {
    url: server.url,
    deps,
    server,
    token: cachedTokens(server.devAuth),
    async sign(claims, options = {}) {
      let jwt = new SignJWT(claims)
        .setProtectedHeader({ alg: options.alg ?? 'ES256', typ: 'JWT' })
        .setIssuer(options.issuer ?? DEV_ISSUER)
        .setAudience(options.audience ?? DEV_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresAt ?? '1h');
      if (options.notBefore !== undefined) jwt = jwt.setNotBefore(options.notBefore);
      return jwt.sign(options.key ?? privateKey);
    },
    async call(method, p, options = {}) {
      const { headers, body } = prepare(options);
      const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body);
      const res = await fetch(server.url + p, { method, headers, redirect: options.redirect ?? 'follow', ...(payload !== undefined ? { body: payload } : {}) });
      return parse(res.status, res.headers, await res.text());
    },
    raw(method, rawPath, options = {}) {
      const { headers, body } = prepare(options);
      const target = new URL(server.url);
      return new Promise((resolve, reject) => {
        const req = http.request({ host: target.hostname, port: target.port, method, path: rawPath, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const hs = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') hs.set(k, v);
            resolve(parse(res.statusCode ?? 0, hs, Buffer.concat(chunks).toString('utf8')));
          });
        });
        req.on('error', reject);
        if (body !== undefined) req.write(body);
        req.end();
      });
    },
    round: (formId, overrides = {}) => openTestRound(deps, formId, 'h', overrides),
    stop: () => server.stop(),
  };
  return h;
}

export const routes = (): RouteSpec[] => ROUTES as readonly RouteSpec[] as RouteSpec[];

/** An identity for calling the core directly when arranging state. */
export const reporterIdentity = (orgId: string): Identity => ({
  subject: `hardening-${orgId}`,
  name: `Indberetter ${orgId}`,
  role: 'reporter',
  orgId,
  scopes: [],
});

/** Internal names, file paths and stack frames: none may reach a client. */
const LEAKS = /DynamoDB|Dynamo|TransactionCanceled|ConditionalCheck|Exception|TypeError|ReferenceError|node_modules|functions\/|local\/|\/work\/|\.ts\b|\.js:\d|\bat [\w.<>$]+ \(|s3rver|aws-sdk|smithy/;

/** A problem response: the right media type, a catalogue type, the status in the body, and no leak. */
export function expectProblem(res: Reply, status?: number | readonly number[], code?: string): void {
  const allowed = status === undefined ? undefined : typeof status === 'number' ? [status] : status;
  if (allowed) expect(allowed, `${res.status} ${res.text.slice(0, 300)}`).toContain(res.status);
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.headers.get('content-type') ?? '').toContain('application/problem+json');
  expect(res.body?.type, res.text.slice(0, 300)).toMatch(new RegExp(`^${PROBLEM_BASE.replace(/\./g, '\\.')}[a-z-]+$`));
  expect(res.body.status).toBe(res.status);
  if (code) expect(res.body.type).toBe(PROBLEM_BASE + code);
  expect(res.text).not.toMatch(LEAKS);
}

/**
 * Everything stored about the given markers: table items whose keys mention one of them, and
 * S3 objects under submissions/<marker>/. Sorted, so two snapshots compare with toEqual.
 */
export async function snapshot(markers: string[]): Promise<{ items: unknown[]; objects: string[] }> {
  const db = getDocumentClient();
  const table = storageConfigFromEnv().table;
  const items: Record<string, unknown>[] = [];
  const names: Record<string, string> = { '#pk': 'PK', '#sk': 'SK' };
  const values: Record<string, string> = {};
  const clauses: string[] = [];
  markers.forEach((m, i) => {
    values[`:m${i}`] = m;
    clauses.push(`contains(#pk, :m${i})`, `contains(#sk, :m${i})`);
  });
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: clauses.join(' OR '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...((out.Items ?? []) as Record<string, unknown>[]));
    start = out.LastEvaluatedKey;
  } while (start);
  items.sort((a, b) => `${a['PK']}|${a['SK']}`.localeCompare(`${b['PK']}|${b['SK']}`));
  const objects: string[] = [];
  const s3 = getS3Client();
  for (const m of markers) {
    let token: string | undefined;
    do {
      const out = await s3.send(
        new ListObjectsV2Command({ Bucket: storageConfigFromEnv().bucket, Prefix: `submissions/${m}/`, ContinuationToken: token }),
      );
      objects.push(...(out.Contents ?? []).map((o) => o.Key!));
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
  }
  return { items, objects: objects.sort() };
}

/** Fills a route's path parameters from what the test has at hand; unknown names get `x`. */
export function fillPath(route: Pick<RouteSpec, 'path'>, values: Record<string, string>): string {
  return route.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(values[name] ?? 'x'));
}

/** No reminders: a round that exists for one test must not have the deadline check mail its 98 respondents. */
export const QUIET = { reminderPolicy: { atOpening: false, daysBefore: [], daysAfter: [], repeatEveryDays: null, repeatLimit: 0, hour: 8 } };

/**
 * Asks `orgId`'s reporter for an upload ticket and posts `bytes` (a PDF) to it, as the web app
 * does; returns the attachment id, not yet confirmed.
 */
export async function uploadToTicket(api: Hardened, roundId: string, orgId: string, bytes: Buffer, fileName = 'matrix.pdf'): Promise<string> {
  const contentType = 'application/pdf';
  const ticket = await api.call('POST', `/rounds/${roundId}/submissions/${orgId}/attachments`, {
    token: await api.token('reporter', orgId),
    body: { fileName, contentType, size: bytes.length },
  });
  expect(ticket.status, ticket.text).toBe(201);
  const form = new FormData();
  for (const [k, v] of Object.entries(ticket.body.upload.fields as Record<string, string>)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), 'fil');
  const up = await fetch(ticket.body.upload.url as string, { method: 'POST', body: form });
  expect(up.status).toBeLessThan(300);
  return ticket.body.attachmentId as string;
}
