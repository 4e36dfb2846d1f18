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

export const handlerEntry = (area: string) => path.join(REPO_ROOT, 'functions', 'handlers', `${area}.ts`);
export const jobEntry = (file: string) => path.join(REPO_ROOT, 'functions', 'jobs', `${file}.ts`);
