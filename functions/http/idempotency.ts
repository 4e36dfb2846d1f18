// `Idempotency-Key` for the routes the route table flags `idempotent: true` (submit, every POST
// that creates something, the draft save), run by @aws-lambda-powertools/idempotency: a client
// that lost an answer retries with the same key; the same request (path, If-Match, body) replays
// the first answer (status, ETag, Location, body) with `idempotent-replayed: true`, another
// request under the same key is refused (422, the library's payload validation), and a retry
// while the first is still running gets 409 (its in-progress record). Keys are hashed with the
// caller and route, so two users' keys can never collide. Only answers below 400 and under
// 350 KB are kept: after a refusal the client may fix the request and retry with its key.
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyPersistenceLayerError,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { Problem } from '#core/problems';
import { getDynamoDbClient, requiredEnv } from '#store/clients';
import { IDEMPOTENCY_KEY_PREFIX, IDEMPOTENCY_TTL_SECONDS, IN_PROGRESS_LOCK_MS, TableIdempotencyStore } from '#store/idempotency-store';

type Result = APIGatewayProxyStructuredResultV2;
type JSONValue = ReturnType<NonNullable<IdempotencyConfig['responseHook']>>;

/** DynamoDB items stop at 400 KB; larger answers are not kept (the request still runs once). */
const MAX_STORED_BYTES = 350 * 1024;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'etag', 'location', 'cache-control', 'x-content-type-options'];

export interface IdempotentRequest {
  /** Who is asking and on which route, e.g. `<subject>\nPOST /rounds`. */
  scope: string;
  key: string;
  /** Everything that makes two requests the same request: path, If-Match, body. */
  fingerprint: string;
}

/** An answer not to keep (a refusal, or too large): the record is released and the answer given. */
class NotKept extends Error {
  constructor(readonly result: Result) {
    super('answer not kept');
  }
}

function replayed(response: JSONValue): JSONValue {
  const r = response as Result;
  const headers = Object.fromEntries(Object.entries(r.headers ?? {}).filter(([k]) => REPLAYED_HEADERS.includes(k.toLowerCase())));
  return { ...r, headers: { ...headers, 'idempotent-replayed': 'true' } } as JSONValue;
}

function config(): IdempotencyConfig {
  const c = new IdempotencyConfig({
    // The key is hashed from caller+route and the client's key; the rest of the request is the
    // payload a reuse must match.
    eventKeyJmesPath: '[scope, key]',
    payloadValidationJmesPath: 'fingerprint',
    throwOnNoIdempotencyKey: true,
    hashFunction: 'sha256',
    expiresAfterSeconds: IDEMPOTENCY_TTL_SECONDS,
    responseHook: replayed,
  });
  // The lock is not the invocation's remaining time but a fixed span longer than any timeout,
  // the same under Lambda and in the local server (where many requests share one process).
  c.registerLambdaContext({ getRemainingTimeInMillis: () => IN_PROGRESS_LOCK_MS } as Context);
  return c;
}

type Runner = (req: IdempotentRequest, run: () => Promise<Result>) => Promise<Result>;

/** The idempotency runner over a persistence layer (the table by default; tests may pass another). */
export function makeIdempotencyRunner(persistenceStore: BasePersistenceLayer): Runner {
  const once = makeIdempotent(
    async (_req: IdempotentRequest, run: () => Promise<Result>): Promise<Result> => {
      const result = await run();
      if ((result.statusCode ?? 200) >= 400 || Buffer.byteLength(result.body ?? '', 'utf8') > MAX_STORED_BYTES) throw new NotKept(result);
      // Stored as a DynamoDB map: no undefined members.
      return JSON.parse(JSON.stringify(result)) as Result;
    },
    { persistenceStore, config: config(), keyPrefix: IDEMPOTENCY_KEY_PREFIX, dataIndexArgument: 0 },
  );
  return async (req, run) => {
    if (!KEY_PATTERN.test(req.key)) {
      throw new Problem('invalid-parameter', 'Idempotency-Key skal være 1-255 synlige ASCII-tegn, fx et UUID.', { parameter: 'Idempotency-Key' });
    }
    try {
      return await once(req, run);
    } catch (err) {
      if (err instanceof NotKept) return err.result;
      if (err instanceof IdempotencyValidationError) {
        throw new Problem('idempotency-key-reused', 'Nøglen er allerede brugt til en anden forespørgsel. Brug en ny Idempotency-Key til en ny forespørgsel.');
      }
      if (err instanceof IdempotencyAlreadyInProgressError) {
        throw new Problem('idempotency-in-progress', 'Den første forespørgsel med denne nøgle er endnu ikke færdig. Prøv igen om lidt.', { retryAfterSeconds: 1 });
      }
      // A claim the table refused (throttling): the cause decides the answer (503 if transient).
      if (err instanceof IdempotencyPersistenceLayerError && err.cause) throw err.cause;
      throw err;
    }
  };
}

let runner: Runner | undefined;

/** The `IdempotencyRunner` the areas with idempotent routes pass to createAreaHandler. */
export const idempotent: Runner = (req, run) =>
  (runner ??= makeIdempotencyRunner(new TableIdempotencyStore(getDynamoDbClient(), requiredEnv('TABLE_NAME'))))(req, run);
