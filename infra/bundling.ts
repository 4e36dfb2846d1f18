// How every Lambda function is bundled, in one place: the CDK construct and the bundle-size
// report (bench/bundle-report.ts) both read it, so the sizes reported are the sizes deployed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Node 24 (the project's own engine); keep in step with `lambda.Runtime.NODEJS_24_X`. */
export const NODE_TARGET = 'node24';

/**
 * ESM needs `require` for the few CommonJS dependencies that call it (exceljs and friends):
 * createRequire gives them one. The alias keeps clear of a bundled `require` name.
 */
export const ESM_REQUIRE_BANNER =
  "import { createRequire as __statusportalenCreateRequire } from 'node:module'; const require = __statusportalenCreateRequire(import.meta.url);";

/** esbuild options shared by CDK (NodejsFunction) and the size report. */
export const ESBUILD_SHARED = {
  minify: true,
  sourcemap: true,
  format: 'esm' as const,
  target: NODE_TARGET,
  platform: 'node' as const,
  // ESM entry points first: they let esbuild drop the unused parts of the AWS SDK.
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
};

export const handlerEntry = (area: string) => path.join(REPO_ROOT, 'functions', 'handlers', `${area}.ts`);
export const jobEntry = (file: string) => path.join(REPO_ROOT, 'functions', 'jobs', `${file}.ts`);
