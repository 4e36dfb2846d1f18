// Proves every function bundles: the app is synthesized WITH esbuild bundling (as `npm run synth`
// and `cdk deploy` do; shared with deployed-artefacts.test.ts through bundled-synth.ts), then each
// function's asset is checked (CommonJS, source map, AWS SDK inside, the env-only credential
// provider, lazy packages beside the bundle) and loaded in Node to show it exports a handler.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { AREA_ACCESS, JOBS, type Access } from '../../infra/access.ts';
import { AREAS } from '#functions/routes';
import { bundledAssembly } from './bundled-synth.ts';

let outdir: string;
let assets: Map<string, string>;

beforeAll(() => {
  const assembly = bundledAssembly();
  outdir = assembly.outdir;
  assets = new Map(assembly.functions.map((f) => [f.name, f.assetDir]));
}, 300_000);

describe('bundling', () => {
  it('produces a minified CommonJS bundle with a source map for every area and job', () => {
    expect([...assets.keys()].sort()).toEqual([...AREAS.filter((a) => existsSync(path.join('functions', 'handlers', `${a}.ts`))), ...JOBS.map((j) => j.name)].sort());
    for (const [name, dir] of assets) {
      const code = path.join(dir, 'index.js');
      expect(existsSync(code), name).toBe(true);
      expect(existsSync(`${code}.map`), name).toBe(true);
      expect(statSync(code).size, name).toBeGreaterThan(10_000);
    }
  });

  it('carries the AWS SDK inside the bundle instead of importing it from the runtime', () => {
    for (const [name, dir] of assets) {
      const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
      // A bare specifier left in the bundle would be resolved from the runtime's own SDK copy.
      // (One SDK error message quotes `[require("@aws-sdk/signature-v4-crt");]`: not code.)
      const external = /from\s*["']@aws-sdk\/|import\(\s*["']@aws-sdk\/|(?<!\[)require\(\s*["']@aws-sdk\//.exec(code);
      expect(external?.[0] ?? null, name).toBeNull();
      expect(code.includes('DynamoDBClient') || code.includes('S3Client') || name === 'meta', name).toBe(true);
    }
  });

  it('leaves the S3 client out of every function that has no bucket access', () => {
    // Weight a function never uses is cold-start time it always pays (README, "Current figures").
    const access = new Map<string, Access>([...Object.entries(AREA_ACCESS), ...JOBS.map((j) => [j.name, j.access] as [string, Access])]);
    const withoutBucket = [...assets.keys()].filter((name) => access.has(name) && !access.get(name)!.bucket);
    expect(withoutBucket).toEqual(expect.arrayContaining(['meta', 'orgs', 'audit', 'calendar']));
    for (const name of withoutBucket) {
      const code = readFileSync(path.join(assets.get(name)!, 'index.js'), 'utf8');
      // The client's service id: present wherever the S3 client is bundled.
      expect(code.includes('"AmazonS3"'), name).toBe(false);
    }
    // The marker does find the client where it belongs.
    expect(readFileSync(path.join(assets.get('attachments')!, 'index.js'), 'utf8').includes('"AmazonS3"')).toBe(true);
  });

  it('bundles one copy of the S3 client where the presigned POST is used too', () => {
    // @aws-sdk/s3-presigned-post pins its own client-s3 version; without the override in
    // package.json npm nested a second, older copy under it, and attachments carried both (74 KB).
    // The header of GetObject's ChecksumMode: once in the bundle per copy of the client's commands.
    for (const [name, dir] of assets) {
      const copies = readFileSync(path.join(dir, 'index.js'), 'utf8').split('x-amz-checksum-mode').length - 1;
      expect(copies, name).toBeLessThanOrEqual(1);
    }
    expect(readFileSync(path.join(assets.get('attachments')!, 'index.js'), 'utf8')).toContain('x-amz-checksum-mode');
  });

  it('loads in plain Node and exports a handler function', () => {
    // A child process, as Lambda would load it: no test-runner transforms, no repository on the import path.
    const urls = Object.fromEntries([...assets].map(([name, dir]) => [name, pathToFileURL(path.join(dir, 'index.js')).href]));
    const script = `const out = {}; for (const [name, url] of Object.entries(${JSON.stringify(urls)})) out[name] = typeof (await import(url)).handler; console.log(JSON.stringify(out));`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: outdir, encoding: 'utf8' });
    const kinds = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string>;
    expect(kinds).toEqual(Object.fromEntries([...assets.keys()].map((name) => [name, 'function'])));
  });

  it('bundles the environment-only credential provider, not the SDK default chain', () => {
    for (const [name, dir] of assets) {
      if (name === 'meta') continue;
      const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
      // The chain's other links: SSO, credential_process in the INI files, web identity, the container endpoint.
      expect(code.includes('Unable to find environment variable credentials'), name).toBe(true);
      for (const marker of ['sso_start_url', 'credential_process', 'AWS_WEB_IDENTITY_TOKEN_FILE', 'AWS_CONTAINER_CREDENTIALS_FULL_URI']) {
        expect(code.includes(marker), `${name}: ${marker}`).toBe(false);
      }
    }
  });

  it('writes exceljs beside the summaries bundle and keeps it off every cold path', () => {
    const summaries = assets.get('summaries')!;
    expect(statSync(path.join(summaries, 'node_modules', 'exceljs', 'index.js')).size).toBeGreaterThan(500_000);
    for (const [name, dir] of assets) {
      // exceljs' own workbook class name: present wherever its code is bundled.
      expect(readFileSync(path.join(dir, 'index.js'), 'utf8').includes('WorkbookWriter'), name).toBe(false);
    }
  });

  it('writes the validation engine to a file of its own in forms and submissions, off every cold path', () => {
    for (const name of ['forms', 'submissions']) {
      const dir = assets.get(name)!;
      const engine = readFileSync(path.join(dir, 'lazy', 'form-validator.js'), 'utf8');
      // The asset's package.json leads the specifier the bundle requires to that file.
      expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')), name).toEqual({ type: 'commonjs', imports: { '#core/form-validator': './lazy/form-validator.js' } });
      expect(readFileSync(path.join(dir, 'index.js'), 'utf8'), name).toContain('require("#core/form-validator")');
      // RE2JS's translator and Ajv's refusal of an unknown format: present wherever their code is bundled.
      for (const marker of ['translateRegExp', 'unknown format "']) expect(engine.includes(marker), `${name}: ${marker}`).toBe(true);
    }
    for (const [name, dir] of assets) {
      const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
      expect(code.includes('unknown format "'), name).toBe(false);
      expect(code.includes('translateRegExp'), name).toBe(false);
    }
  });

  it('writes the PDF maker to a file of its own in publications, off every cold path', () => {
    const dir = assets.get('publications')!;
    const pdf = readFileSync(path.join(dir, 'lazy', 'publication-pdf.js'), 'utf8');
    expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).imports).toMatchObject({ '#core/publication-pdf': './lazy/publication-pdf.js' });
    expect(/(require|import)\("#core\/publication-pdf"\)/.test(readFileSync(path.join(dir, 'index.js'), 'utf8'))).toBe(true);
    // Our font table and pdfkit's end-of-file marker: wherever the PDF code is bundled.
    for (const marker of ['Roboto-MediumItalic.ttf', '%%EOF']) expect(pdf.includes(marker), marker).toBe(true);
    for (const [name, dir] of assets) {
      const code = readFileSync(path.join(dir, 'index.js'), 'utf8');
      expect(code.includes('Roboto-MediumItalic.ttf') || code.includes('%%EOF'), name).toBe(false);
    }
  });

  it('tells Node every asset is CommonJS, so an import() of the handler needs no guess at its format', () => {
    for (const [name, dir] of assets) expect(JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).type, name).toBe('commonjs');
  });

  it('serves the OpenAPI document from meta\'s asset and bundles no generator there', () => {
    const meta = assets.get('meta')!;
    expect(JSON.parse(readFileSync(path.join(meta, 'openapi.json'), 'utf8'))).toMatchObject({ openapi: '3.1.0' });
    expect(existsSync(path.join(meta, 'index.meta.json'))).toBe(false);
  });
});
