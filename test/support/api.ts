// Test helpers that talk to the system the way its users do: over HTTP to the local server
// (the same handlers AWS runs), with development tokens. Each test makes its own round,
// so tests never share keys.
import { startServer, type ServerHandle } from '../../local/stack.ts';
import type { LocalServerOptions } from '../../local/server.ts';
import { buildDeps, storageConfigFromEnv } from '#functions/composition';
import type { CoreDeps } from '#core/ports';
import { openTestRound } from './rounds.ts';
import { cachedTokens } from './tokens.ts';
import type { CreateRoundRequest, Role, Round } from '#schemas/api';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The body as it came, for binary answers (an .xlsx workbook). */
  bytes?: Buffer;
}

export interface Api {
  url: string;
  deps: CoreDeps;
  token(role: Role, orgId?: string): Promise<string>;
  call<T = any>(method: string, path: string, options?: { token?: string; body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> }): Promise<Reply<T>>;
  as(role: Role, orgId?: string): Promise<Client>;
  /** A fresh round of `formId`, open now unless told otherwise, with a unique id. */
  round(formId: string, overrides?: Partial<CreateRoundRequest>): Promise<Round>;
  stop(): Promise<void>;
}

export type Client = <T = any>(method: string, path: string, options?: { body?: unknown; rawBody?: string | Buffer; headers?: Record<string, string> }) => Promise<Reply<T>>;

/** `extra` adds local-only handlers in front of the API (the browser tests serve the web app). */
export async function startApi(options: { extra?: LocalServerOptions['extra'] } = {}): Promise<Api> {
  const server: ServerHandle = await startServer(options.extra ? { extra: options.extra } : {});
  const deps = buildDeps(storageConfigFromEnv());

  const api: Api = {
    url: server.url,
    deps,
    token: cachedTokens(server.devAuth),
    async call(method, path, options = {}) {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers['authorization'] = `Bearer ${options.token}`;
      let body: string | Buffer | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] ??= 'application/json';
      }
      const payload = typeof body === 'string' || body === undefined ? body : new Uint8Array(body);
      const res = await fetch(server.url + path, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString('utf8');
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // Not JSON (CSV, HTML): keep the text.
      }
      return { status: res.status, headers: res.headers, body: parsed as any, text, bytes };
    },
    async as(role, orgId) {
      const token = await api.token(role, orgId);
      return (method, path, options = {}) => api.call(method, path, { ...options, token });
    },
    round: (formId, overrides = {}) => openTestRound(deps, formId, 't', overrides),
    stop: () => server.stop(),
  };
  return api;
}
