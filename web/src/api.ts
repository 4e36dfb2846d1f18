// The API client: every request carries the session's bearer token; problem+json answers
// become ApiError with the server's Danish title and detail, so pages can show them as they are.
import { clearSession, getSession } from './auth.ts';
import type { WebConfig } from './config.ts';
import { t } from './i18n.ts';
import type { ProblemDoc } from './types.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemDoc,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  get code(): string {
    return (this.problem.type ?? '').split('/').pop() ?? '';
  }
}

export interface Reply<T> {
  body: T;
  etag: string | undefined;
  status: number;
}

let base = '';
export const configureApi = (config: WebConfig): void => {
  base = config.apiBaseUrl;
};
export const apiUrl = (path: string): string => base + path;

interface SendOptions {
  body?: unknown;
  /** A file as the body, sent as it is with its media type (a workbook upload). */
  file?: { bytes: ArrayBuffer; type: string };
  ifMatch?: string | undefined;
  accept?: string;
  /** Makes a retry (a double click) replay the first answer instead of acting twice. */
  idempotencyKey?: string | undefined;
  /** A text body (a CSV upload) with its media type. */
  text?: { body: string; contentType: string };
}

async function send(method: string, path: string, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: options.accept ?? 'application/json' };
  const session = getSession();
  if (session) headers['authorization'] = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.file) headers['content-type'] = options.file.type;
  if (options.text) headers['content-type'] = options.text.contentType;
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const body = options.file ? options.file.bytes : options.text ? options.text.body : options.body !== undefined ? JSON.stringify(options.body) : undefined;
  let res: Response;
  try {
    res = await fetch(base + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  } catch {
    throw new ApiError(0, { title: t('errorNetwork'), detail: t('errorNetwork') });
  }
  if (res.ok) return res;
  let problem: ProblemDoc = { title: `HTTP ${res.status}` };
  try {
    problem = (await res.json()) as ProblemDoc;
  } catch {
    // Not a problem document (a proxy's error page): keep the status line.
  }
  if (res.status === 401) {
    clearSession();
    problem = { ...problem, detail: t('sessionExpired') };
  }
  throw new ApiError(res.status, problem);
}

export async function request<T>(method: string, path: string, options: Omit<SendOptions, 'accept'> = {}): Promise<Reply<T>> {
  const res = await send(method, path, options);
  const text = await res.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag: res.headers.get('etag') ?? undefined, status: res.status };
}

export const get = <T>(path: string) => request<T>('GET', path);

/** A protected text resource (the print view's HTML), read with the bearer token. */
export async function getText(path: string, accept = 'text/html'): Promise<string> {
  return (await send('GET', path, { accept })).text();
}

/** Hands bytes made in the browser (a zip of reports) to the browser as a download. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Sends a file as the request body; the answer is JSON as with `request`. */
export async function upload<T>(method: string, path: string, file: { bytes: ArrayBuffer; type: string }): Promise<Reply<T>> {
  const res = await send(method, path, { file });
  const text = await res.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag: res.headers.get('etag') ?? undefined, status: res.status };
}

/** Sends a text body (a CSV upload) and reads the JSON answer. */
export async function sendText<T>(method: string, path: string, body: string, contentType: string): Promise<Reply<T>> {
  const res = await send(method, path, { text: { body, contentType } });
  const text = await res.text();
  return { body: (text ? JSON.parse(text) : undefined) as T, etag: res.headers.get('etag') ?? undefined, status: res.status };
}

/**
 * Downloads a protected file. A plain link cannot carry the bearer token, so the file is
 * fetched with it and handed to the browser through a short-lived blob URL.
 */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await send('GET', path, { accept: '*/*' });
  const blob = await res.blob();
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Opens an HTML page of the API (the print view) in a new tab. The tab is opened at once, in the
 * click, so no pop-up blocker stops it; the page is fetched with the bearer token and shown from
 * a blob URL.
 */
export async function openHtml(path: string, loadingText: string): Promise<void> {
  const tab = window.open('', '_blank');
  tab?.document.write(`<!doctype html><html lang="da"><title>${loadingText}</title><p>${loadingText}</p></html>`);
  try {
    const res = await send('GET', path, { accept: 'text/html' });
    const blob = new Blob([await res.text()], { type: 'text/html;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    if (tab) tab.location.href = url;
    else window.location.href = url;
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    tab?.close();
    throw err;
  }
}

/** A message for the user: the server's Danish detail when there is one. */
export function describe(err: unknown): string {
  if (err instanceof ApiError) return err.problem.detail ?? err.problem.title ?? err.message;
  return err instanceof Error ? err.message : String(err);
}
