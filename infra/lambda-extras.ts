// The files a Lambda asset carries beside index.js, written after esbuild: each lazily loaded
// package the bundle imports (infra/bundling.ts LAZY_PACKAGES) bundled on its own under
// node_modules/<name>/index.js, each lazily loaded module of ours (LAZY_MODULES) under lazy/, a
// package.json, and, for a bundle that serves the OpenAPI document, the document itself
// (openapi.json), generated here at build time instead of from zod at cold start.
// The package.json says `"type": "commonjs"` (what esbuild wrote): without it, Node meets an
// ambiguous .js file when the runtime import()s the handler and compiles it once more only to
// look for ES module syntax; its "imports" map each lazy module's specifier to its file.
// CDK runs it as the afterBundling hook (`node --import tsx infra/lambda-extras.ts <outputDir>`,
// reading the esbuild metafile it asked for); the bench and the bundle report call it in-process.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { ESBUILD_LAMBDA, ESBUILD_SHARED, LAZY_MODULES, LAZY_PACKAGES, OPENAPI_ASSET, OPENAPI_MODULE, REPO_ROOT } from './bundling.ts';

export interface Extras {
  /** Lazy files written, relative to the asset folder, with their sizes. */
  lazy: { file: string; bytes: number }[];
  /** The asset's package.json: the module type, and where each lazy module's specifier leads. */
  packageJson: { type: 'commonjs'; imports?: Record<string, string> };
  openapi?: { file: string; bytes: number };
}

/** The bare specifiers the bundle leaves external (what it will `require` at run time). */
export function externalImports(metafile: Metafile): Set<string> {
  const out = new Set<string>();
  for (const output of Object.values(metafile.outputs)) for (const i of output.imports) if (i.external) out.add(i.path);
  return out;
}

export async function writeLambdaExtras(outdir: string, metafile: Metafile): Promise<Extras> {
  const external = externalImports(metafile);
  const extras: Extras = { lazy: [], packageJson: { type: 'commonjs' } };
  for (const pkg of LAZY_PACKAGES) {
    if (!external.has(pkg)) continue;
    const file = path.join('node_modules', pkg, 'index.js');
    await build({
      ...ESBUILD_SHARED,
      sourcemap: false,
      entryPoints: [pkg],
      bundle: true,
      outfile: path.join(outdir, file),
      logLevel: 'error',
      absWorkingDir: REPO_ROOT,
    });
    extras.lazy.push({ file, bytes: statSync(path.join(outdir, file)).size });
  }
  for (const [specifier, { source, file }] of Object.entries(LAZY_MODULES)) {
    if (!external.has(specifier)) continue;
    mkdirSync(path.dirname(path.join(outdir, file)), { recursive: true });
    await build({
      ...ESBUILD_SHARED,
      sourcemap: false,
      entryPoints: [source],
      bundle: true,
      outfile: path.join(outdir, file),
      logLevel: 'error',
      absWorkingDir: REPO_ROOT,
      tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
    });
    extras.lazy.push({ file, bytes: statSync(path.join(outdir, file)).size });
    extras.packageJson.imports = { ...extras.packageJson.imports, [specifier]: `./${file.split(path.sep).join('/')}` };
  }
  writeFileSync(path.join(outdir, 'package.json'), `${JSON.stringify(extras.packageJson, null, 2)}\n`);
  if (external.has(OPENAPI_MODULE)) {
    const { openApiDocument } = (await import(pathToFileURL(path.join(REPO_ROOT, 'functions', 'openapi.ts')).href)) as typeof import('../functions/openapi.ts');
    const text = JSON.stringify(openApiDocument());
    writeFileSync(path.join(outdir, OPENAPI_ASSET), text);
    extras.openapi = { file: OPENAPI_ASSET, bytes: Buffer.byteLength(text) };
  }
  return extras;
}

/** Bytes the bundle reads at cold start (index.js) and bytes loaded later (lazy packages). */
export function coldAndLazyBytes(outdir: string, extras: Extras): { coldBytes: number; lazyBytes: number } {
  return { coldBytes: statSync(path.join(outdir, 'index.js')).size, lazyBytes: extras.lazy.reduce((n, l) => n + l.bytes, 0) };
}

export interface BuiltLambda extends Extras {
  dir: string;
  coldBytes: number;
  lazyBytes: number;
  metafile: Metafile;
}

/**
 * One function's asset as CDK builds it (index.js, its source map, the extras) into `dir`, for
 * the bench and the bundle report. `credentials: 'sdk-default'` builds the what-if with the
 * SDK's own credential chain (and nothing else changed), to measure what the Lambda alias saves.
 */
export async function buildLambdaAsset(entry: string, dir: string, options: { credentials?: 'env' | 'sdk-default' } = {}): Promise<BuiltLambda> {
  const { alias: _alias, ...withoutAlias } = ESBUILD_LAMBDA;
  const result = await build({
    ...(options.credentials === 'sdk-default' ? withoutAlias : ESBUILD_LAMBDA),
    entryPoints: [entry],
    bundle: true,
    outfile: path.join(dir, 'index.js'),
    sourcesContent: false,
    metafile: true,
    logLevel: 'error',
    absWorkingDir: REPO_ROOT,
    tsconfig: path.join(REPO_ROOT, 'tsconfig.json'),
  });
  const extras = await writeLambdaExtras(dir, result.metafile);
  return { dir, ...extras, ...coldAndLazyBytes(dir, extras), metafile: result.metafile };
}

// CLI: the CDK hook. The metafile is esbuild's (`--metafile`), written by NodejsFunction as index.meta.json.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outdir = path.resolve(process.argv[2] ?? '');
  const metafilePath = path.join(outdir, 'index.meta.json');
  const metafile = JSON.parse(readFileSync(metafilePath, 'utf8')) as Metafile;
  await writeLambdaExtras(outdir, metafile);
  // Build-time data, not something the function needs.
  rmSync(metafilePath);
}
