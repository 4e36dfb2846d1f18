// Liveness and the OpenAPI document: public, no storage.
//
// The document is generated at build time (infra/lambda-extras.ts writes openapi.json beside the
// bundle) and served as it was written: building it from zod over every route cost meta most of
// its cold start, and the Lambda build no longer bundles the generator at all (OPENAPI_MODULE is
// external there). Run from source (the local server, the tests) there is no such file, and the
// document is generated on the first request instead, by the same function.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createAreaHandler } from '#http/area';
import { META_ROUTES } from '#functions/routes/meta';

/** Written by the build beside index.js (infra/bundling.ts OPENAPI_ASSET). */
const ASSET = 'openapi.json';

let document: Promise<string> | undefined;

async function built(): Promise<string | undefined> {
  // Only a CommonJS bundle has a __dirname of its own; an ES module run from source has none.
  if (typeof __dirname !== 'string') return undefined;
  try {
    return await readFile(path.join(__dirname, ASSET), 'utf8');
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return undefined;
    throw err;
  }
}

async function load(): Promise<string> {
  const text = await built();
  if (text !== undefined) return text;
  const { openApiDocument } = await import('#functions/openapi');
  return JSON.stringify(openApiDocument());
}

export const handler = createAreaHandler(META_ROUTES, {
  health: async () => ({ body: { status: 'ok' } }),
  openapi: async () => {
    document ??= load().catch((err: unknown) => {
      document = undefined;
      throw err;
    });
    return { raw: { body: await document, contentType: 'application/json; charset=utf-8' } };
  },
});
