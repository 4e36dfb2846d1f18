// The local server sends the web app compressed as CloudFront does: brotli to a browser that
// accepts it, else gzip, else the bytes as they are; small files and images never.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseEncoding, createStaticHandler } from '../../local/static.ts';

let dir: string;
let server: http.Server;
let base: string;
const js = `export const text = ${JSON.stringify('Indlæser Statusportalen … '.repeat(400))};\n`;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sp-static-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(path.join(dir, 'assets', 'app-abc.js'), js);
  writeFileSync(path.join(dir, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
  const handle = createStaticHandler(dir);
  server = http.createServer((req, res) => {
    void handle(req, res, new URL(req.url ?? '/', 'http://x')).then((done) => {
      if (!done) res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

const get = (p: string, acceptEncoding?: string) =>
  new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${base}${p}`, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });

describe('compressed web app', () => {
  it('sends brotli when the browser accepts it, and the bytes decompress to the file', async () => {
    const r = await get('/assets/app-abc.js', 'gzip, deflate, br, zstd');
    expect(r.headers['content-encoding']).toBe('br');
    expect(r.headers['vary']).toBe('accept-encoding');
    expect(r.body.length).toBeLessThan(Buffer.byteLength(js) / 5);
    expect(brotliDecompressSync(r.body).toString('utf8')).toBe(js);
  });

  it('sends gzip to a client without brotli, and plain bytes to one that accepts neither', async () => {
    const g = await get('/assets/app-abc.js', 'gzip');
    expect(g.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(g.body).toString('utf8')).toBe(js);
    const plain = await get('/assets/app-abc.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(js);
  });

  it('leaves files under 1 KB and images as they are', async () => {
    expect((await get('/', 'br')).headers['content-encoding']).toBeUndefined();
    expect((await get('/assets/logo.png', 'br, gzip')).headers['content-encoding']).toBeUndefined();
  });

  it('honours a refusal by quality zero', () => {
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeUndefined();
  });
});
