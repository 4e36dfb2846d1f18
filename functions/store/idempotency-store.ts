// Idempotency records in the single table, kept by @aws-lambda-powertools/idempotency's
// DynamoDBPersistenceLayer in its composite-key mode: PK `IDEM`, SK `IDEM#<hash>`, with this
// table's attribute names (`status`, `expiresAt` as the TTL, `lockedUntil`, `fingerprint`,
// `response`). Two house rules sit on top of the library: a failed write after the work is done
// is logged, not turned into an error (the client still gets its answer, and a retry after the
// lock lapses meets the ETag or state check of the first run), and a failed release does not
// hide the error that caused it.
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { IDEMPOTENCY_PK } from '#store/keys';

/** Keys live a day: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Longer than any function's timeout (15 s API, 60 s jobs). */
export const IN_PROGRESS_LOCK_MS = 60_000;
/** Prefix of every record's key (the SK); also the partition. */
export const IDEMPOTENCY_KEY_PREFIX = IDEMPOTENCY_PK;

const logger = new Logger({ serviceName: 'statusportalen' });

export class TableIdempotencyStore extends DynamoDBPersistenceLayer {
  constructor(client: DynamoDBClient, tableName: string) {
    super({
      tableName,
      awsSdkV3Client: client,
      keyAttr: 'PK',
      sortKeyAttr: 'SK',
      staticPkValue: IDEMPOTENCY_PK,
      statusAttr: 'status',
      expiryAttr: 'expiresAt',
      inProgressExpiryAttr: 'lockedUntil',
      dataAttr: 'response',
      validationKeyAttr: 'fingerprint',
    });
  }

  override async saveSuccess(...args: Parameters<DynamoDBPersistenceLayer['saveSuccess']>): Promise<void> {
    try {
      await super.saveSuccess(...args);
    } catch (error) {
      logger.warn('idempotency record not completed', { error: error as Error });
    }
  }

  override async deleteRecord(...args: Parameters<DynamoDBPersistenceLayer['deleteRecord']>): Promise<void> {
    try {
      await super.deleteRecord(...args);
    } catch (error) {
      logger.warn('idempotency release failed', { error: error as Error });
    }
  }
}
