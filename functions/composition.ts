// The composition root: builds the stores once per process from configuration
// (TABLE_NAME, BUCKET_NAME and the SDK's own endpoint variables). Tests build their own.
import { ulid } from 'ulid';
import type { CoreDeps } from '#core/ports';
import type { ExtensionStore } from '#core/schedule-ports';
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

/** The stores kept in the table alone. Forms and submissions also keep documents in S3. */
export type TableDeps = Omit<CoreDeps, 'forms' | 'submissions' | 'extensions'> & { extensions: ExtensionStore };

/**
 * A function that reads only table stores (audit, calendar) builds these and nothing else, so
 * its bundle leaves out the S3 client: a third of the bundle, and its share of the cold start.
 */
export function buildTableDeps(table: string, clock: CoreDeps['clock'] = { now: () => new Date() }): TableDeps {
  const db = getDocumentClient();
  return {
    rounds: new DynamoRoundStore(db, table),
    extensions: new DynamoExtensionStore(db, table),
    audit: new DynamoAuditStore(db, table),
    clock,
    newId: ulid,
  };
}

/** The stores whose documents live in S3 beside their table items. */
export function buildDocumentStores(config: StorageConfig): Pick<CoreDeps, 'forms' | 'submissions'> {
  const db = getDocumentClient();
  const blobs = new JsonBlobs(getS3Client(), config.bucket);
  return {
    forms: new DynamoFormStore(db, config.table, blobs),
    submissions: new DynamoSubmissionStore(db, config.table, blobs),
  };
}

export function buildDeps(config: StorageConfig, clock: CoreDeps['clock'] = { now: () => new Date() }): CoreDeps {
  return { ...buildTableDeps(config.table, clock), ...buildDocumentStores(config) };
}

let deps: CoreDeps | undefined;
let tableDeps: TableDeps | undefined;

/** The process-wide dependencies, built on first use (not at import, to keep cold starts lean). */
export function getDeps(): CoreDeps {
  deps ??= buildDeps(storageConfigFromEnv());
  return deps;
}

/** The table stores alone, for functions that never touch S3 (see buildTableDeps). */
export function getTableDeps(): TableDeps {
  tableDeps ??= buildTableDeps(requiredEnv('TABLE_NAME'));
  return tableDeps;
}
