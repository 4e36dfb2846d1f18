// Proves every function bundles: the app is synthesized once WITH esbuild bundling (as
// `npm run synth` and `cdk deploy` do), then each function's asset is checked (CommonJS, source map,
// AWS SDK inside) and loaded in Node to show it exports a handler.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CfnElement } from 'aws-cdk-lib';
import { buildApp, type BuiltApp } from '../../infra/app.ts';
import { AREA_ACCESS, JOBS, type Access } from '../../infra/access.ts';

let built: BuiltApp;
let outdir: string;
let assets: Map<string, string>;

beforeAll(() => {
  outdir = mkdtempSync(path.join(os.tmpdir(), 'statusportalen-cdk-'));
  built = buildApp({ stage: 'dev', outdir });
  const assembly = built.app.synth();
  const template = assembly.getStackByName(built.api.stackName).template as { Resources: Record<string, any> };
  assets = new Map();
  for (const [name, fn] of [...built.api.functions, ...built.api.jobs]) {
    const id = built.api.getLogicalId(fn.node.defaultChild as CfnElement);
    const key = String(template.Resources[id].Properties.Code.S3Key);
    assets.set(name, path.join(outdir, `asset.${key.replace(/\.zip$/, '')}`));
  }
}, 300_000);

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('bundling', () => {
  it('produces a minified CommonJS bundle with a source map for every area and job', () => {
    expect([...assets.keys()].length).toBe(built.api.functions.size + built.api.jobs.size);
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

  it('loads in plain Node and exports a handler function', () => {
    // A child process, as Lambda would load it: no test-runner transforms, no repository on the import path.
    const urls = Object.fromEntries([...assets].map(([name, dir]) => [name, pathToFileURL(path.join(dir, 'index.js')).href]));
    const script = `const out = {}; for (const [name, url] of Object.entries(${JSON.stringify(urls)})) out[name] = typeof (await import(url)).handler; console.log(JSON.stringify(out));`;
    const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: outdir, encoding: 'utf8' });
    const kinds = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, string>;
    expect(kinds).toEqual(Object.fromEntries([...assets.keys()].map((name) => [name, 'function'])));
  });
});
