// Holds real answers of the API against its own OpenAPI document: the status is one the
// operation declares, the media type is one it declares for that status, a JSON body validates
// against the declared schema (problems included), and every header the API sets is declared.
// The hardening suites feed it every answer of the authorization matrix and the bad-input suite.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '#functions/openapi';
import type { RouteSpec } from '#functions/routes';
import type { Reply } from './api.ts';

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => Ajv2020;

const BASE = 'https://statusportalen.test/openapi';
/** Headers the API sets that a client may rely on; each must be declared where it is sent. */
const DOCUMENTED_HEADERS = ['etag', 'location', 'retry-after', 'idempotent-replayed', 'x-summary-source', 'x-summary-built-at', 'content-disposition'];

type Json = Record<string, any>;

/** JSON Schema keywords only: the components as one schema Ajv can resolve references into. */
function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k]) => k !== '$id' && k !== '$schema')
      .map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `${BASE}${v}` : strip(v)]),
  );
}

export interface Checked {
  operationId: string;
  status: number;
  problems: string[];
}

export function contractChecker() {
  const doc = openApiDocument() as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: BASE, components: strip(doc['components']) } as object);
  const compiled = new Map<string, ValidateFunction>();
  const seen: Checked[] = [];

  function check(route: Pick<RouteSpec, 'method' | 'path' | 'operationId'>, reply: Reply): string[] {
    const problems: string[] = [];
    const op = doc['paths']?.[route.path]?.[route.method.toLowerCase()] as Json | undefined;
    if (!op) return [`${route.method} ${route.path} is not in the document`];
    const declared = op['responses']?.[String(reply.status)] as Json | undefined;
    if (!declared) {
      problems.push(`${route.operationId}: answered ${reply.status}, which the document does not declare (${Object.keys(op['responses']).join(', ')})`);
    } else {
      for (const name of DOCUMENTED_HEADERS) {
        if (!reply.headers.has(name)) continue;
        const keys = Object.keys(declared['headers'] ?? {}).map((k) => k.toLowerCase());
        if (!keys.includes(name)) problems.push(`${route.operationId} ${reply.status}: sends ${name}, not declared`);
      }
      const type = (reply.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const content = declared['content'] as Json | undefined;
      if (reply.text !== '' && reply.status !== 304) {
        if (!content || !content[type]) problems.push(`${route.operationId} ${reply.status}: ${type || 'no media type'} not declared (${Object.keys(content ?? {}).join(', ') || 'no body'})`);
        else if (type.endsWith('json')) {
          const key = `${route.operationId}|${reply.status}|${type}`;
          let validate = compiled.get(key);
          if (!validate) {
            validate = ajv.compile(strip(content[type]['schema']) as object);
            compiled.set(key, validate);
          }
          if (!validate(reply.body)) {
            problems.push(`${route.operationId} ${reply.status}: body does not match the schema: ${ajv.errorsText(validate.errors, { dataVar: 'body' }).slice(0, 300)}`);
          }
        }
      }
    }
    seen.push({ operationId: route.operationId, status: reply.status, problems });
    return problems;
  }

  return { check, seen };
}
