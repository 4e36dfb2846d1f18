// Supporting documents in S3, uploaded straight from the browser with a presigned POST whose
// policy fixes the key, the content type and the size range; a pending-upload item (expiring
// by TTL) remembers what was promised until the upload is confirmed.
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AttachmentStore, PendingUpload } from '#core/ports';
import { UPLOAD_SECONDS } from '#core/attachments';
import { TABLE_SHAPE } from '#store/table-shape';

const pendingKey = (roundId: string, orgId: string, id: string) => ({ PK: `UPLOAD#${roundId}#${orgId}`, SK: `ATT#${id}` });

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
    if (!out.Item) return undefined;
    const { PK: _pk, SK: _sk, type: _t, [TABLE_SHAPE.ttlAttribute]: _ttl, ...pending } = out.Item;
    return pending as PendingUpload;
  }

  async inspect(key: string) {
    try {
      const out = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return { size: out.ContentLength ?? 0, contentType: out.ContentType };
    } catch (err) {
      if (err instanceof NotFound || (err as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return undefined;
      throw err;
    }
  }

  async discard(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  downloadUrl(key: string, fileName: string, contentType: string): Promise<string> {
    return getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: key,
        ResponseContentType: contentType,
        ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      }),
      { expiresIn: 300 },
    );
  }
}
