// Supporting documents in S3, uploaded straight from the browser with a presigned POST whose
// policy fixes the (staging) key, the content type and the size range; a pending-upload item
// (expiring by TTL) remembers what was promised until the upload is confirmed. Confirmed files
// are server-side copies under attachments/, which no ticket can name.
import { createHash } from 'node:crypto';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttachmentStore, ObjectFacts, PendingUpload } from '#core/ports';
import { TAIL_BYTES, UPLOAD_SECONDS } from '#core/attachments';
import { TABLE_SHAPE } from '#store/table-shape';
import { UNCONFIRMED_TAG } from '#store/attachment-tags';

const pendingKey = (roundId: string, orgId: string, id: string) => ({ PK: `UPLOAD#${roundId}#${orgId}`, SK: `ATT#${id}` });

const isMissing = (err: unknown) =>
  err instanceof NotFound ||
  (err as { name?: string }).name === 'NoSuchKey' ||
  (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

const toPending = (item: Record<string, unknown>): PendingUpload => {
  const { PK: _pk, SK: _sk, type: _t, [TABLE_SHAPE.ttlAttribute]: _ttl, ...pending } = item;
  return pending as unknown as PendingUpload;
};

export class S3AttachmentStore implements AttachmentStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async createUpload(upload: PendingUpload, maxBytes: number) {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...pendingKey(upload.roundId, upload.orgId, upload.id),
          type: 'pending-upload',
          ...upload,
          // Kept a day past expiry so a late confirmation still gets a clear answer.
          [TABLE_SHAPE.ttlAttribute]: Math.floor(Date.parse(upload.expiresAt) / 1000) + 86_400,
        },
        ConditionExpression: 'attribute_not_exists(PK)',
      }),
    );
    return createPresignedPost(this.s3, {
      Bucket: this.bucket,
      Key: upload.key,
      Fields: { 'Content-Type': upload.contentType },
      Conditions: [
        ['eq', '$Content-Type', upload.contentType],
        ['content-length-range', 1, maxBytes],
      ],
      Expires: UPLOAD_SECONDS,
    });
  }

  async getPending(roundId: string, orgId: string, id: string): Promise<PendingUpload | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: pendingKey(roundId, orgId, id), ConsistentRead: true }));
    return out.Item ? toPending(out.Item) : undefined;
  }

  async listPending(roundId: string, orgId: string): Promise<PendingUpload[]> {
    const items: PendingUpload[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pendingKey(roundId, orgId, '').PK },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []).map(toPending));
      start = out.LastEvaluatedKey;
    } while (start);
    return items;
  }

  async forgetPending(roundId: string, orgId: string, id: string): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: pendingKey(roundId, orgId, id) }));
  }

  async inspect(key: string) {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (err) {
      if (isMissing(err)) return undefined;
      throw err;
    }
  }

  async promote(stagingKey: string, finalKey: string): Promise<{ versionId: string | undefined }> {
    const out = await this.s3.send(
      new CopyObjectCommand({
        Bucket: this.bucket,
        Key: finalKey,
        CopySource: encodeURI(`${this.bucket}/${stagingKey}`),
        MetadataDirective: 'COPY',
        // Tagged in the copy itself, so no moment exists where an orphan could be untagged.
        TaggingDirective: 'REPLACE',
        Tagging: `${UNCONFIRMED_TAG.Key}=${UNCONFIRMED_TAG.Value}`,
      }),
    );
    return { versionId: out.VersionId };
  }

  async examine(key: string, versionId: string | undefined): Promise<ObjectFacts> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
    const hash = createHash('sha256');
    let head = Buffer.alloc(0);
    // The last TAIL_BYTES, kept as chunks and trimmed from the front as more arrive.
    const tail: Buffer[] = [];
    let tailBytes = 0;
    let size = 0;
    for await (const chunk of out.Body as AsyncIterable<Uint8Array>) {
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hash.update(bytes);
      size += bytes.length;
      if (head.length < 16) head = Buffer.concat([head, bytes.subarray(0, 16 - head.length)]);
      tail.push(bytes);
      tailBytes += bytes.length;
      while (tail.length > 1 && tailBytes - tail[0]!.length >= TAIL_BYTES) tailBytes -= tail.shift()!.length;
    }
    const joined = Buffer.concat(tail);
    return { size, contentType: out.ContentType, sha256: hash.digest('hex'), head, tail: joined.subarray(Math.max(0, joined.length - TAIL_BYTES)) };
  }

  async confirm(key: string, versionId: string | undefined): Promise<void> {
    const version = versionId ? { VersionId: versionId } : {};
    const out = await this.s3.send(new GetObjectTaggingCommand({ Bucket: this.bucket, Key: key, ...version }));
    const tags = out.TagSet ?? [];
    if (!tags.some((t) => t.Key === UNCONFIRMED_TAG.Key)) return;
    // Other tags (GuardDuty's scan result) are kept: only our mark goes.
    await this.s3.send(
      new PutObjectTaggingCommand({ Bucket: this.bucket, Key: key, ...version, Tagging: { TagSet: tags.filter((t) => t.Key !== UNCONFIRMED_TAG.Key) } }),
    );
  }

  async discard(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  downloadUrl(key: string, fileName: string, contentType: string, versionId?: string): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        ResponseContentType: contentType,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      }),
      { expiresIn: 300 },
    );
  }
}
