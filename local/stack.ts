// The whole local stack in one call: engines on loopback, table and bucket, seed data, and
// the API server. `npm start` and the integration tests both use it; only options differ.
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import { startDynamoDbLocal, startS3rver, freePort, type Engine } from './engines.ts';
import { createDevAuth, type DevAuth } from './dev-auth.ts';
import type { LocalServerOptions } from './server.ts';

export interface LocalEnv {
  [name: string]: string;
}

export interface EnginesHandle {
  env: LocalEnv;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local and s3rver and points the SDK at them through its own
 * AWS_ENDPOINT_URL_* variables. `dataDir` persists data; without it DynamoDB is in memory.
 */
export async function startEngines(options: { dataDir?: string; dynamoPort?: number; s3Port?: number } = {}): Promise<EnginesHandle> {
  const table = 'statusportalen';
  const bucket = 'statusportalen-local';
  const [dynamoPort, s3Port] = [options.dynamoPort ?? (await freePort()), options.s3Port ?? (await freePort())];
  const s3Dir = options.dataDir ? path.join(options.dataDir, 's3') : path.join(process.env['TMPDIR'] ?? '/tmp', `statusportalen-s3-${process.pid}-${s3Port}`);
  const engines: Engine[] = [];
  try {
    engines.push(await startDynamoDbLocal(dynamoPort, options.dataDir ? path.join(options.dataDir, 'dynamodb') : undefined));
    engines.push(await startS3rver(s3Port, s3Dir, [bucket]));
  } catch (err) {
    await Promise.all(engines.map((e) => e.stop()));
    throw err;
  }
  const env: LocalEnv = {
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'S3RVER', // s3rver's fixed dev credentials; DynamoDB Local accepts any
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: engines[0]!.endpoint,
    AWS_ENDPOINT_URL_S3: engines[1]!.endpoint,
    S3_FORCE_PATH_STYLE: 'true',
    TABLE_NAME: table,
    BUCKET_NAME: bucket,
    POWERTOOLS_LOG_LEVEL: process.env['POWERTOOLS_LOG_LEVEL'] ?? 'WARN',
    // Mail never leaves the machine: the deadline job writes .eml files here (GET /dev/outbox).
    MAIL_TRANSPORT: 'outbox',
    OUTBOX_DIR: options.dataDir ? path.join(options.dataDir, 'outbox') : path.join(process.env['TMPDIR'] ?? '/tmp', `statusportalen-outbox-${process.pid}-${s3Port}`),
    WEB_BASE_URL: process.env['WEB_BASE_URL'] ?? 'http://127.0.0.1:3000',
  };
  Object.assign(process.env, env);
  const { ensureTable, ensureBucket } = await import('./provision.ts');
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { getS3Client } = await import('#store/clients');
  await ensureTable(new DynamoDBClient({}), table);
  await ensureBucket(getS3Client(), bucket);
  return { env, stop: async () => void (await Promise.all(engines.map((e) => e.stop()))) };
}

export interface ServerHandle {
  url: string;
  server: http.Server;
  devAuth: DevAuth;
  stop(): Promise<void>;
}

export async function startServer(options: { port?: number; keyFile?: string; extra?: LocalServerOptions['extra'] } = {}): Promise<ServerHandle> {
  const { createLocalServer } = await import('./server.ts');
  const devAuth = await createDevAuth(options.keyFile);
  const server = createLocalServer({ devAuth, ...(options.extra ? { extra: options.extra } : {}) });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    devAuth,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
