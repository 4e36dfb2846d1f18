// `Idempotency-Key` for the routes the route table flags `idempotent: true` (submit and every
// POST that creates something). A client that lost an answer retries with the same key: the
// same body replays the first answer (status, ETag, Location, body), another body under the
// same key is refused (422), and a retry while the first is still running gets 409.
// Keys are scoped by caller and route, so two users' keys can never collide. Only answers
// below 400 are kept: after a refusal the client may fix the request and retry with its key.
// Written small rather than with @aws-lambda-powertools/idempotency: the design is the same
// (conditional IN_PROGRESS put, then complete), but this fits the single table's key scheme,
// keys on the header instead of a JMESPath into the event, and adds nothing to the bundles.
import { createHash } from 'node:crypto';
import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { Problem } from '#core/problems';
import { getDocumentClient, requiredEnv } from '#store/clients';
import { DynamoIdempotencyStore, type IdempotencyStore, type StoredResponse } from '#store/idempotency-store';

/** DynamoDB items stop at 400 KB; larger answers are not kept (the request still runs once). */
const MAX_STORED_BYTES = 350 * 1024;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location', 'cache-control', 'x-content-type-options'];

const logger = new Logger({ serviceName: 'statusportalen' });
let store: IdempotencyStore | undefined;
const defaultStore = () => (store ??= new DynamoIdempotencyStore(getDocumentClient(), requiredEnv('TABLE_NAME')));

export interface IdempotentRequest {
  /** Who is asking and on which route, e.g. `<subject>\nPOST /rounds`. */
  scope: string;
  key: string;
  /** Everything that makes two requests the same request: path, If-Match, body. */
  fingerprint: string;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function idempotent(
  req: IdempotentRequest,
  run: () => Promise<APIGatewayProxyStructuredResultV2>,
  idem: IdempotencyStore = defaultStore(),
  now: () => Date = () => new Date(),
): Promise<APIGatewayProxyStructuredResultV2> {
  if (!KEY_PATTERN.test(req.key)) {
    throw new Problem('invalid-parameter', 'Idempotency-Key skal være 1-255 synlige ASCII-tegn, fx et UUID.', { parameter: 'Idempotency-Key' });
  }
  const id = sha256(`${req.scope}\n${req.key}`);
  const fingerprint = sha256(req.fingerprint);
  const claim = await idem.claim(id, fingerprint, now());
  if (claim.kind === 'mismatch') {
    throw new Problem('idempotency-key-reused', 'Nøglen er allerede brugt til en anden forespørgsel. Brug en ny Idempotency-Key til en ny forespørgsel.');
  }
  if (claim.kind === 'in-progress') {
    throw new Problem('idempotency-in-progress', 'Den første forespørgsel med denne nøgle er endnu ikke færdig. Prøv igen om lidt.', { retryAfterSeconds: 1 });
  }
  if (claim.kind === 'replay') {
    const r = claim.response;
    return { ...r, headers: { ...r.headers, 'idempotent-replayed': 'true' } };
  }
  let result: APIGatewayProxyStructuredResultV2;
  try {
    result = await run();
  } catch (err) {
    await idem.release(id, fingerprint).catch((e: unknown) => logger.warn('idempotency release failed', { error: e as Error }));
    throw err;
  }
  const status = result.statusCode ?? 200;
  const stored: StoredResponse = {
    statusCode: status,
    headers: Object.fromEntries(
      Object.entries(result.headers ?? {}).filter(([k]) => REPLAYED_HEADERS.includes(k.toLowerCase())).map(([k, v]) => [k, String(v)]),
    ),
    ...(result.body !== undefined ? { body: result.body } : {}),
    ...(result.isBase64Encoded ? { isBase64Encoded: true } : {}),
  };
  try {
    if (status >= 400 || Buffer.byteLength(result.body ?? '', 'utf8') > MAX_STORED_BYTES) await idem.release(id, fingerprint);
    else await idem.complete(id, fingerprint, stored);
  } catch (err) {
    // The work is done and the client gets its answer; a retry after the lock lapses runs again
    // and meets the ETag or state check of the first run.
    logger.warn('idempotency record not completed', { error: err as Error });
  }
  return result;
}
