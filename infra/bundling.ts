// How every Lambda function is bundled, in one place: the CDK construct and the bundle-size
// report (bench/bundle-report.ts) both read it, so the sizes reported are the sizes deployed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node 24 (the project's own engine); keep in step with `lambda.Runtime.NODEJS_24_X`. */
export const NODE_TARGET = 'node24';

/**
 * esbuild options shared by CDK (NodejsFunction) and the size report.
 *
 * CommonJS out, ESM in. The inputs are read as ESM (mainFields) so esbuild can drop the unused
 * parts of the AWS SDK; the output is CommonJS because Node imports a built-in module such as
 * node:http into ESM through a facade that evaluates every export, and http's exports include
 * lazy getters that load Node's own undici (about 20 ms). Measured with `npm run bench` (seven fresh processes
 * each, two alternating runs per format), CommonJS cut every function's cold start by 5 to 16 ms
 * and a bare node:http request from about 53 to 33 ms. It also needs no `require` shim.
 */
export const ESBUILD_SHARED = {
  minify: true,
  sourcemap: true,
  format: 'cjs' as const,
  target: NODE_TARGET,
  platform: 'node' as const,
  mainFields: ['module', 'main'],
  // CommonJS has no import.meta: esbuild would leave it empty and the code would fail at run
  // time on Lambda. Fail the build instead.
  logOverride: { 'empty-import-meta': 'error' } as Record<string, 'error'>,
};

/**
 * The Lambda build's only difference from the SDK as published: its default credential chain is
 * replaced by the environment provider (functions/store/lambda-credentials.ts says why). Local
 * tools and tests never read this, so they keep the SDK's own chain.
 */
export const LAMBDA_ALIAS: Record<string, string> = {
  '@aws-sdk/credential-provider-node': path.join(REPO_ROOT, 'functions', 'store', 'lambda-credentials.ts'),
};

/**
 * Packages that only some requests need, kept out of the bundle Lambda reads at cold start. The
 * code imports them with `await import()`; the Lambda build leaves that import external and
 * writes the package, bundled on its own, to `node_modules/<name>/index.js` in the same asset
 * (writeLambdaExtras), where Node's `require` finds it on first use. Locally and in tests the
 * import reaches the installed package as usual.
 */
export const LAZY_PACKAGES = ['exceljs'];

/**
 * Modules of this repository that only some requests need, by their subpath import (package.json
 * "imports"), with the file each is written to in the asset. The Lambda build leaves the
 * specifier external; writeLambdaExtras bundles the module on its own into that file and maps the
 * specifier to it in the asset's package.json, so Node's `require('#core/…')` finds it there on
 * first use. The code that needs it is itself imported with `await import()` (esbuild evaluates
 * such a module only when the import runs), so the file is read by the first request that needs
 * it and never at cold start. What such a module imports is bundled into its file: it must not
 * share state with the main bundle (no class an `instanceof` elsewhere checks).
 */
export const LAZY_MODULES: Record<string, { source: string; file: string }> = {
  // Ajv, ajv-formats and re2js: read by the first save, submit or publish (functions/core/form-validator.ts).
  '#core/form-validator': { source: path.join(REPO_ROOT, 'functions', 'core', 'form-validator.ts'), file: path.join('lazy', 'form-validator.js') },
  // pdfmake, pdfkit and the embedded fonts (about 2.4 MB): read by a publication's first PDF only.
  '#core/publication-pdf': { source: path.join(REPO_ROOT, 'functions', 'core', 'publication-pdf.ts'), file: path.join('lazy', 'publication-pdf.js') },
};

/**
 * The OpenAPI generator (zod → JSON Schema over every route). The Lambda build of meta serves
 * the document written at build time (`openapi.json` beside index.js) and never bundles this.
 */
export const OPENAPI_MODULE = '#functions/openapi';
export const OPENAPI_ASSET = 'openapi.json';

/** What CDK bundles: ESBUILD_SHARED plus LAMBDA_ALIAS, with the lazy packages and modules left out. */
export const ESBUILD_LAMBDA = { ...ESBUILD_SHARED, alias: LAMBDA_ALIAS, external: [...LAZY_PACKAGES, ...Object.keys(LAZY_MODULES), OPENAPI_MODULE] };

export const handlerEntry = (area: string) => path.join(REPO_ROOT, 'functions', 'handlers', `${area}.ts`);
export const jobEntry = (file: string) => path.join(REPO_ROOT, 'functions', 'jobs', `${file}.ts`);
