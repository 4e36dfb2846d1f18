// Publications in the single table and the bucket. Heads are one small partition (`PUBLICATIONS`,
// a few reports a year); a publication's versions and comments share its own partition
// (`PUB#<id>`). Content documents and edition files are immutable S3 objects under
// publications/<id>/: a key is never written twice, so an edition's bytes never change.
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { AuditEvent } from '#core/ports';
import type { EditionFile, PublicationContent, PublicationHead, PublicationStore } from '#core/publication-ports';
import type { PublicationComment, PublicationVersion } from '#schemas/publication';
import { keys, pad } from '#store/keys';
import { queryPartition, withoutKeys } from '#store/items';
import { transact } from '#store/transact';
import { auditPut } from '#store/audit-item';

const CONTENT_TYPES: Record<EditionFile, string> = {
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
};

export class DynamoPublicationStore implements PublicationStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
    private readonly s3: S3Client,
    private readonly bucket: string,
    private readonly unique: () => string,
  ) {}

  async list(): Promise<PublicationHead[]> {
    return (await queryPartition(this.db, this.table, keys.publication().PK)).map((i) => withoutKeys<PublicationHead>(i));
  }

  async get(publicationId: string): Promise<PublicationHead | undefined> {
    const out = await this.db.send(new GetCommand({ TableName: this.table, Key: keys.publication(publicationId), ConsistentRead: true }));
    return out.Item ? withoutKeys<PublicationHead>(out.Item) : undefined;
  }

  async putContent(publicationId: string, revision: number, content: PublicationContent): Promise<string> {
    const key = `publications/${publicationId}/revisions/${pad(revision)}-${this.unique().toLowerCase()}.json`;
    await this.putObject(key, Buffer.from(JSON.stringify(content), 'utf8'), CONTENT_TYPES.json);
    return key;
  }

  async readContent(key: string): Promise<PublicationContent> {
    return JSON.parse((await this.getObject(key)).toString('utf8')) as PublicationContent;
  }

  async commit(head: PublicationHead, expectedEtag: string | undefined, version: (PublicationVersion & { contentKey: string }) | undefined, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.publication(head.publicationId), type: 'publication', ...head },
          ...(expectedEtag === undefined
            ? { ConditionExpression: 'attribute_not_exists(PK)' }
            : { ConditionExpression: 'etag = :etag', ExpressionAttributeValues: { ':etag': expectedEtag } }),
        },
      },
      ...(version
        ? [
            {
              Put: {
                TableName: this.table,
                Item: { ...keys.publicationVersion(head.publicationId, version.revision), type: 'publication-version', ...version },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
          ]
        : []),
      auditPut(this.table, event),
    ]);
  }

  async versions(publicationId: string): Promise<PublicationVersion[]> {
    const items = await queryPartition(this.db, this.table, keys.publicationVersion(publicationId).PK, 'V#');
    return items.map((i) => {
      const { contentKey: _key, ...v } = withoutKeys<PublicationVersion & { contentKey: string }>(i);
      return v;
    });
  }

  async addComment(publicationId: string, comment: PublicationComment, event: AuditEvent): Promise<void> {
    await transact(this.db, [
      {
        Put: {
          TableName: this.table,
          Item: { ...keys.publicationComment(publicationId, comment.at, comment.commentId), type: 'publication-comment', ...comment },
          ConditionExpression: 'attribute_not_exists(PK)',
        },
      },
      auditPut(this.table, event),
    ]);
  }

  async comments(publicationId: string): Promise<PublicationComment[]> {
    const items = await queryPartition(this.db, this.table, keys.publicationComment(publicationId).PK, 'C#');
    return items.map((i) => withoutKeys<PublicationComment>(i));
  }

  async putEditionFiles(filesKey: string, files: Record<EditionFile, Buffer>): Promise<void> {
    await Promise.all((Object.keys(files) as EditionFile[]).map((ext) => this.putObject(`${filesKey}.${ext}`, files[ext], CONTENT_TYPES[ext])));
  }

  async readEditionFile(filesKey: string, file: EditionFile): Promise<Buffer> {
    return this.getObject(`${filesKey}.${file}`);
  }

  private async putObject(key: string, body: Buffer, contentType: string): Promise<void> {
    // If-None-Match: a key is written once; a second write of it is a bug, never a silent overwrite.
    await this.s3.send(new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, IfNoneMatch: '*' }));
  }

  private async getObject(key: string): Promise<Buffer> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!out.Body) throw new Error(`empty object ${key}`);
    return Buffer.from(await out.Body.transformToByteArray());
  }
}
