// Local only: serves the built web app (web/dist) beside the API on the same origin, the way
// CloudFront serves it on AWS. Only GET/HEAD of `/`, `/index.html`, `/config.json`, `/assets/*`
// and `/app/*` are answered here; every other path falls through to the API routes.
// config.json is generated: locally the app signs in through the dev token route.
// Text files go out compressed as CloudFront sends them (brotli, else gzip, to a client that
// accepts it; files between 1 KB and 10 MB), so what the browser bench measures here is what a
// user downloads there.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type http from 'node:http';
import path from 'node:path';
import type { LocalServerOptions } from './server.ts';
import { webRoutes } from '../functions/routes.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg']);

/** Compressed copies, made once per file content (the assets are content-hashed). */
const compressed = new Map<string, Buffer>();

/** The encoding CloudFront would choose for this request, brotli first. */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accepted = new Map(
    (acceptEncoding ?? '')
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([name]) => name)
      .map(([name, ...params]) => [name!.toLowerCase(), Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? '1')] as const),
  );
  if ((accepted.get('br') ?? 0) > 0) return 'br';
  if ((accepted.get('gzip') ?? 0) > 0) return 'gzip';
  return undefined;
}

function encode(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  const k = `${encoding}:${createHash('sha256').update(body).digest('hex')}`;
  let out = compressed.get(k);
  if (!out) {
    out = encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 });
    compressed.set(k, out);
  }
  return out;
}

/** The shape the app reads from /config.json (see web/src/config.ts): the routes it may offer buttons for. */
export const LOCAL_WEB_CONFIG = { apiBaseUrl: '', auth: { mode: 'dev' }, routes: webRoutes() } as const;

export function createStaticHandler(distDir: string): NonNullable<LocalServerOptions['extra']> {
  const root = path.resolve(distDir);
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    const method = (req.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') return false;
    const p = url.pathname;
    const common = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };
    if (p === '/config.json') {
      res.writeHead(200, { ...common, 'content-type': TYPES['.json']!, 'cache-control': 'no-store' });
      res.end(method === 'HEAD' ? undefined : JSON.stringify(LOCAL_WEB_CONFIG));
      return true;
    }
    let file: string;
    if (p === '/' || p === '/index.html' || p === '/app' || p.startsWith('/app/')) file = path.join(root, 'index.html');
    else if (p.startsWith('/assets/')) file = path.resolve(root, `.${decodeURIComponent(p)}`);
    else return false;
    // Never serve anything outside dist, whatever the path says.
    if (!file.startsWith(root + path.sep)) return false;
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      if (!p.startsWith('/assets/')) {
        res.writeHead(503, { ...common, 'content-type': 'text/plain; charset=utf-8' });
        res.end('The web app is not built: run `npm run build:web`.');
        return true;
      }
      return false;
    }
    const immutable = p.startsWith('/assets/');
    const ext = path.extname(file);
    const encoding = COMPRESSIBLE.has(ext) && body.length >= 1024 && body.length <= 10 << 20 ? chooseEncoding(req.headers['accept-encoding']) : undefined;
    if (encoding) body = encode(body, encoding);
    res.writeHead(200, {
      ...common,
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(COMPRESSIBLE.has(ext) ? { vary: 'accept-encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
      'content-length': String(body.length),
    });
    res.end(method === 'HEAD' ? undefined : body);
    return true;
  };
}
