// Runtime configuration, read from /config.json next to index.html, so one build runs
// locally (dev sign-in) and on AWS (Cognito hosted UI) without rebuilding.
export type AuthConfig =
  | { mode: 'dev' }
  | { mode: 'cognito'; domain: string; clientId: string; redirectUri: string; scopes?: string[]; logoutUri?: string };

export interface WebConfig {
  /** Base URL of the API without trailing slash; '' means the same origin. */
  apiBaseUrl: string;
  auth: AuthConfig;
  /** The API routes this deployment serves, as `METHOD /path/{param}` (web/src/features.ts). */
  routes?: string[];
}

export async function loadConfig(): Promise<WebConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`config.json: ${res.status}`);
  const raw = (await res.json()) as Partial<WebConfig>;
  return { apiBaseUrl: (raw.apiBaseUrl ?? '').replace(/\/$/, ''), auth: raw.auth ?? { mode: 'dev' }, routes: Array.isArray(raw.routes) ? raw.routes : [] };
}
