// The composition root: builds the stores once per process from configuration
// (TABLE_NAME, BUCKET_NAME and the SDK's own endpoint variables). Tests build their own.
import { ulid } from 'ulid';
import type { CoreDeps } from '#core/ports';
import { getDocumentClient, getS3Client, requiredEnv } from '#store/clients';
import { JsonBlobs } from '#store/blobs';
import { DynamoFormStore } from '#store/form-store';
import { DynamoRoundStore } from '#store/round-store';
import { DynamoSubmissionStore } from '#store/submission-store';
import { DynamoExtensionStore } from '#store/extension-store';
import { DynamoAuditStore } from '#store/audit-store';

export interface StorageConfig {
  table: string;
  bucket: string;
}

export function storageConfigFromEnv(): StorageConfig {
  return { table: requiredEnv('TABLE_NAME'), bucket: requiredEnv('BUCKET_NAME') };
}

export function buildDeps(config: StorageConfig, clock: CoreDeps['clock'] = { now: () => new Date() }): CoreDeps {
  const db = getDocumentClient();
  const blobs = new JsonBlobs(getS3Client(), config.bucket);
  return {
    forms: new DynamoFormStore(db, config.table, blobs),
    rounds: new DynamoRoundStore(db, config.table),
    submissions: new DynamoSubmissionStore(db, config.table, blobs),
    extensions: new DynamoExtensionStore(db, config.table),
    audit: new DynamoAuditStore(db, config.table),
    clock,
    newId: ulid,
  };
}

let deps: CoreDeps | undefined;

/** The process-wide dependencies, built on first use (not at import, to keep cold starts lean). */
export function getDeps(): CoreDeps {
  deps ??= buildDeps(storageConfigFromEnv());
  return deps;
}
