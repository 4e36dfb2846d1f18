// JSON documents in S3: immutable revisions and form schemas. Keys are never overwritten,
// so readers need no locking and a cached copy never goes stale.
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';

export class JsonBlobs {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async put(key: string, value: unknown): Promise<void> {
    await this.s3.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: JSON.stringify(value),
        ContentType: 'application/json; charset=utf-8',
      }),
    );
  }

  async get<T>(key: string): Promise<T> {
    const out = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!out.Body) throw new Error(`empty object ${key}`);
    return JSON.parse(await out.Body.transformToString('utf-8')) as T;
  }
}
