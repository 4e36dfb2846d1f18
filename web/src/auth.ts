// Sign-in and the session. Locally: the dev sign-in page asks POST /dev/token. On AWS: Cognito's
// hosted UI with the authorization-code flow and PKCE (no client secret in the browser).
//
// Where the token lives: in memory, mirrored to sessionStorage. sessionStorage is per tab and
// is cleared when the tab closes, so a token does not outlive the visit or leak to other tabs,
// yet a reload (or the hosted UI's redirect back) does not sign the user out mid-report.
// localStorage would keep a bearer token on a shared municipal PC for days; we never use it.
import type { AuthConfig, WebConfig } from './config.ts';
import type { Role } from './types.ts';
import { organisationClaim } from '#core/org-claims';

export interface Session {
  token: string;
  role: Role;
  orgId: string;
  name: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const SESSION_KEY = 'statusportalen.session';
const PKCE_KEY = 'statusportalen.pkce';

let current: Session | undefined;
const listeners = new Set<() => void>();

function base64UrlDecode(part: string): string {
  const b64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

function groupsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.replace(/^\[|\]$/g, '').split(/[\s,]+/).filter(Boolean);
  return [];
}

/**
 * Reads role and organisation from the token for display and navigation only; the API
 * verifies the token and decides access on every request.
 */
export function sessionFromToken(token: string): Session | undefined {
  try {
    const claims = JSON.parse(base64UrlDecode(token.split('.')[1] ?? '')) as Record<string, unknown>;
    const groups = groupsOf(claims['cognito:groups']);
    const role = (['sst-admin', 'sst-reader', 'reporter', 'author'] as const).find((r) => groups.includes(r));
    if (!role) return undefined;
    // The API's own rule: a federated user's organisation is custom:fedOrgId, anyone else's custom:orgId.
    const orgId = role === 'reporter' || role === 'author' ? (organisationClaim(claims) ?? '') : 'sst';
    if (!orgId) return undefined;
    const name = String(claims['name'] ?? claims['email'] ?? claims['cognito:username'] ?? claims['sub'] ?? '');
    return { token, role, orgId, name, expiresAt: Number(claims['exp'] ?? 0) * 1000 };
  } catch {
    return undefined;
  }
}

export function getSession(): Session | undefined {
  if (!current) {
    try {
      const raw = sessionStorage.getItem(SESSION_KEY);
      if (raw) current = sessionFromToken(raw);
    } catch {
      current = undefined;
    }
  }
  if (current && current.expiresAt <= Date.now()) clearSession();
  return current;
}

export function setSession(token: string): Session | undefined {
  const session = sessionFromToken(token);
  current = session;
  try {
    if (session) sessionStorage.setItem(SESSION_KEY, token);
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage refused (private mode): the session lasts until reload.
  }
  listeners.forEach((l) => l());
  return session;
}

export function clearSession(): void {
  current = undefined;
  try {
    sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Nothing stored.
  }
  listeners.forEach((l) => l());
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Local development: a signed token for a seeded role and organisation. */
export async function devSignIn(config: WebConfig, role: Role, orgId?: string): Promise<Session> {
  const res = await fetch(`${config.apiBaseUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(orgId ? { role, orgId } : { role }),
  });
  if (!res.ok) throw new Error(`dev/token: ${res.status}`);
  const { token } = (await res.json()) as { token: string };
  const session = setSession(token);
  if (!session) throw new Error('dev/token: unusable token');
  return session;
}

/** A token without a session, for reading the organisation list on the dev sign-in page. */
export async function devReaderToken(config: WebConfig): Promise<string> {
  const res = await fetch(`${config.apiBaseUrl}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: 'sst-reader' }),
  });
  if (!res.ok) throw new Error(`dev/token: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

// ---- Cognito hosted UI: authorization code + PKCE (RFC 7636) ----

type CognitoAuth = Extract<AuthConfig, { mode: 'cognito' }>;

function randomString(bytes = 32): string {
  const data = crypto.getRandomValues(new Uint8Array(bytes));
  return btoa(String.fromCharCode(...data)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function challengeOf(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return btoa(String.fromCharCode(...digest)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const hostedUi = (auth: CognitoAuth) => (auth.domain.startsWith('http') ? auth.domain : `https://${auth.domain}`).replace(/\/$/, '');

/** Sends the browser to the hosted UI; `returnTo` is the hash route to come back to. */
export async function startCognitoSignIn(auth: CognitoAuth, returnTo: string): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, returnTo }));
  const params = new URLSearchParams({
    response_type: 'code',
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri,
    scope: (auth.scopes ?? ['openid', 'email', 'profile']).join(' '),
    state,
    code_challenge: await challengeOf(verifier),
    code_challenge_method: 'S256',
  });
  window.location.assign(`${hostedUi(auth)}/oauth2/authorize?${params}`);
}

/**
 * Completes the hosted UI's redirect (`?code=…&state=…`): checks the state, swaps the code for
 * tokens with the PKCE verifier, keeps the ID token (it carries the role group and organisation)
 * and removes the code from the address bar. Returns the hash route to continue at, or undefined
 * when the page was not a redirect back.
 */
export async function completeCognitoSignIn(auth: CognitoAuth): Promise<string | undefined> {
  const url = new URL(window.location.href);
  const code = url.searchParams.get('code');
  const state = url.searchParams.get('state');
  if (!code && !url.searchParams.get('error')) return undefined;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) ?? 'null') as { verifier: string; state: string; returnTo: string } | null;
  sessionStorage.removeItem(PKCE_KEY);
  window.history.replaceState(null, '', url.pathname + (pending?.returnTo ?? '#/'));
  if (!code || !pending || pending.state !== state) throw new Error('sign-in state mismatch');
  const res = await fetch(`${hostedUi(auth)}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: auth.clientId,
      code,
      redirect_uri: auth.redirectUri,
      code_verifier: pending.verifier,
    }),
  });
  if (!res.ok) throw new Error(`token endpoint: ${res.status}`);
  const tokens = (await res.json()) as { id_token?: string };
  if (!tokens.id_token || !setSession(tokens.id_token)) throw new Error('no usable id token');
  return pending.returnTo;
}

/** Signs out here and, on AWS, at the hosted UI too (which then sends the browser back). */
export function signOut(config: WebConfig): void {
  clearSession();
  if (config.auth.mode === 'cognito') {
    const params = new URLSearchParams({ client_id: config.auth.clientId, logout_uri: config.auth.logoutUri ?? config.auth.redirectUri });
    window.location.assign(`${hostedUi(config.auth)}/logout?${params}`);
  } else {
    window.location.hash = '#/';
  }
}
