// Submission heads and revision records in DynamoDB, answers as immutable JSON in S3.
// A change is one transaction: the head (conditional on the ETag it started from), the
// revision record and the audit event are written together or not at all.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryPartition, withoutKeys } from '#store/items';
import { ulid } from 'ulid';
import type { RevisionRecord, SubmissionCommit, SubmissionHead, SubmissionStore } from '#core/ports';
import type { JsonObject } from '#schemas/api';
import { keys, objectKeys } from '#store/keys';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';
import type { JsonBlobs } from '#store/blobs';

/** The heads alone, from the table: for readers that never open a report's answers. */
export class DynamoSubmissionHeads {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly table: string,
  ) {}

  async getHead(roundId: string, orgId: string): Promise<SubmissionHead | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.head(roundId, orgId), ConsistentRead: true }));
    return out.Item ? withoutKeys<SubmissionHead>(out.Item) : undefined;
  }

  async listHeads(roundId: string): Promise<SubmissionHead[]> {
    return (await queryPartition(this.db, this.table, keys.headsOf(roundId), 'SUB#')).map((i) => withoutKeys<SubmissionHead>(i));
  }

}

export class DynamoSubmissionStore extends DynamoSubmissionHeads implements SubmissionStore {
  constructor(
    db: DynamoDBDocumentClient,
    table: string,
    private readonly blobs: JsonBlobs,
  ) {
    super(db, table);
  }

  async putContent(roundId: string, orgId: string, revision: number, answers: JsonObject): Promise<string> {
    // A unique suffix: two racing saves of the same revision number never share an object.
    const key = objectKeys.submission(roundId, orgId, revision, ulid().toLowerCase());
    await this.blobs.put(key, answers);
    return key;
  }

  readContent(contentKey: string): Promise<JsonObject> {
    return this.blobs.get<JsonObject>(contentKey);
  }

  async commit({ head, expectedEtag, revision, event, roundLock }: SubmissionCommit): Promise<void> {
    const lock = roundLock
      ? [
          {
            // The round item, in the same transaction: still on the version the report was checked
            // against, and locked to it from the first submit on (the switch is conditional on no lock).
            Update: {
              TableName: this.table,
              Key: keys.round(roundLock.roundId),
              UpdateExpression: 'SET formVersionLockedAt = if_not_exists(formVersionLockedAt, :at)',
              ConditionExpression: 'attribute_exists(PK) AND formVersion = :v',
              ExpressionAttributeValues: { ':v': roundLock.formVersion, ':at': roundLock.at },
            },
          },
        ]
      : [];
    await transact(this.db, [
      ...lock,
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.head(head.roundId, head.orgId), ...keys.headByOrg(head.orgId, head.roundId), type: 'submission', ...head },
          ...(expectedEtag === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'etag = :expected', ExpressionAttributeValues: { ':expected': expectedEtag } }),
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.revision(revision.roundId, revision.orgId, revision.revision), type: 'revision', ...revision },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditPut(this.table, event),
    ]);
  }

  async listRevisions(roundId: string, orgId: string): Promise<RevisionRecord[]> {
    return (await queryPartition(this.db, this.table, keys.revisionsOf(roundId, orgId), 'R#')).map((i) => withoutKeys<RevisionRecord>(i));
  }

  async getRevision(roundId: string, orgId: string, revision: number): Promise<RevisionRecord | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.revision(roundId, orgId, revision) }));
    return out.Item ? withoutKeys<RevisionRecord>(out.Item) : undefined;
  }

}
