// Idempotency records in the single table (`IDEM#<id>` / `IDEM`, TTL `expiresAt`). The shape
// follows Powertools' DynamoDBPersistenceLayer: a conditional put claims the key as IN_PROGRESS,
// the first answer completes it, a failure releases it. A claim left behind by a crashed
// process lapses after `lockedUntil`, so a retry is never locked out for a whole day.
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { keys } from '#store/keys';

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body?: string;
  isBase64Encoded?: boolean;
}

export type Claim =
  | { kind: 'claimed' }
  | { kind: 'replay'; response: StoredResponse }
  | { kind: 'in-progress' }
  | { kind: 'mismatch' };

export interface IdempotencyStore {
  claim(id: string, fingerprint: string, now: Date): Promise<Claim>;
  complete(id: string, fingerprint: string, response: StoredResponse): Promise<void>;
  release(id: string, fingerprint: string): Promise<void>;
}

/** Keys live a day: long enough for any client retry, short enough to keep the table small. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
/** Longer than any function's timeout (15 s API, 60 s jobs). */
export const IN_PROGRESS_LOCK_MS = 60_000;

export class DynamoIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async claim(id: string, fingerprint: string, now: Date): Promise<Claim> {
    const nowMs = now.getTime();
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...keys.idempotency(id),
            type: 'idempotency',
            status: 'IN_PROGRESS',
            fingerprint,
            lockedUntil: nowMs + IN_PROGRESS_LOCK_MS,
            expiresAt: Math.floor(nowMs / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          // TTL deletion is lazy: an expired record counts as absent, and so does a lapsed claim.
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt < :nowS OR (#status = :inProgress AND lockedUntil < :nowMs)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':nowS': Math.floor(nowMs / 1000), ':nowMs': nowMs, ':inProgress': 'IN_PROGRESS' },
        }),
      );
      return { kind: 'claimed' };
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.idempotency(id), ConsistentRead: true }));
    const item = out.Item;
    // Gone between the two calls (released by a failed first attempt): the client may retry.
    if (!item) return { kind: 'in-progress' };
    if (item['fingerprint'] !== fingerprint) return { kind: 'mismatch' };
    if (item['status'] === 'COMPLETED') return { kind: 'replay', response: JSON.parse(item['response'] as string) as StoredResponse };
    return { kind: 'in-progress' };
  }

  async complete(id: string, fingerprint: string, response: StoredResponse): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.idempotency(id),
        UpdateExpression: 'SET #status = :completed, #response = :response REMOVE lockedUntil',
        ConditionExpression: 'fingerprint = :fp',
        ExpressionAttributeNames: { '#status': 'status', '#response': 'response' },
        ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': JSON.stringify(response), ':fp': fingerprint },
      }),
    );
  }

  async release(id: string, fingerprint: string): Promise<void> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: keys.idempotency(id),
          ConditionExpression: '#status = :inProgress AND fingerprint = :fp',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':fp': fingerprint },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }
}
