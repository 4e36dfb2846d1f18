// Summary builds and national indicator datasets: immutable JSON objects in S3, with one
// DynamoDB pointer item each (`ROUND#<id>`/`SUMMARY`, `FORM#<id>`/`INDICATORS`) naming the
// current object (an indicator upload's pointer commits with its audit event). Large rendered
// files go to S3 too and leave as short-lived presigned links.
import { createHash } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { AuditEvent, CoreDeps } from '#core/ports';
import type { IndicatorDataset, RoundSummary } from '#core/summary/model';
import type { IndicatorStore, StoredSummaryRef, SummaryDeps, SummaryStore } from '#core/summary/ports';
import { keys, objectKeys } from '#store/keys';
import { JsonBlobs } from '#store/blobs';
import { getDocumentClient, getS3Client } from '#store/clients';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';
import type { StorageConfig } from '#functions/composition';

function strip<T>(item: Record<string, unknown>): T {
  const { PK: _pk, SK: _sk, type: _type, ...rest } = item;
  return rest as T;
}

export class S3SummaryStore implements SummaryStore {
  private readonly blobs: JsonBlobs;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {
    this.blobs = new JsonBlobs(s3, bucket);
  }

  async latest(roundId: string): Promise<StoredSummaryRef | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.summary(roundId), ConsistentRead: true }));
    return out.Item ? strip<StoredSummaryRef>(out.Item) : undefined;
  }

  read(ref: StoredSummaryRef): Promise<RoundSummary> {
    return this.blobs.get<RoundSummary>(ref.key);
  }

  async save(summary: RoundSummary, sourceStamp: string): Promise<{ written: boolean; ref: StoredSummaryRef }> {
    const latest = await this.latest(summary.roundId);
    if (latest && latest.contentHash === summary.contentHash) {
      const ref = { ...latest, sourceStamp, checkedAt: summary.builtAt };
      if (latest.sourceStamp !== sourceStamp) await this.putPointer(ref);
      return { written: false, ref };
    }
    const key = objectKeys.summary(summary.roundId, summary.builtAt, summary.contentHash, 'json');
    await this.blobs.put(key, summary);
    const ref: StoredSummaryRef = {
      roundId: summary.roundId,
      key,
      builtAt: summary.builtAt,
      contentHash: summary.contentHash,
      sourceStamp,
      checkedAt: summary.builtAt,
    };
    await this.putPointer(ref);
    return { written: true, ref };
  }

  private async putPointer(ref: StoredSummaryRef): Promise<void> {
    // Two builds racing write the same content for the same inputs; last writer wins harmlessly.
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...keys.summary(ref.roundId), type: 'summary', ...ref } }));
  }

  async putRenderedAndLink(key: string, body: Uint8Array, contentType: string, filename: string, expiresInSeconds: number): Promise<string> {
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType }));
    const disposition = `attachment; filename="${filename.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: this.bucket, Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }), {
      expiresIn: expiresInSeconds,
    });
  }
}

export class S3IndicatorStore implements IndicatorStore {
  private readonly blobs: JsonBlobs;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    s3: S3Client,
    bucket: string,
  ) {
    this.blobs = new JsonBlobs(s3, bucket);
  }

  async get(formId: string): Promise<(IndicatorDataset & { contentHash: string }) | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.indicators(formId), ConsistentRead: true }));
    if (!out.Item) return undefined;
    const { key, contentHash } = out.Item as { key: string; contentHash: string };
    return { ...(await this.blobs.get<IndicatorDataset>(key)), contentHash };
  }

  async put(dataset: IndicatorDataset, event: AuditEvent): Promise<{ contentHash: string }> {
    const contentHash = createHash('sha256').update(JSON.stringify(dataset.rows)).digest('hex');
    const key = objectKeys.indicators(dataset.formId, dataset.uploadedAt, contentHash);
    // The object first: the pointer and its audit event then commit together or not at all.
    await this.blobs.put(key, dataset);
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.indicators(dataset.formId), type: 'indicators', key, contentHash, uploadedAt: dataset.uploadedAt, uploadedBy: dataset.uploadedBy },
        },
      },
      auditPut(this.table, event),
    ]);
    return { contentHash };
  }
}

/** The summaries feature's dependencies on top of the core's (same table and bucket). */
export function buildSummaryDeps(core: CoreDeps, config: StorageConfig): SummaryDeps {
  const db = getDocumentClient();
  const s3 = getS3Client();
  return {
    ...core,
    summaries: new S3SummaryStore(db, config.table, s3, config.bucket),
    indicators: new S3IndicatorStore(db, config.table, s3, config.bucket),
  };
}
