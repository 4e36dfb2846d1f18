// The answers documents under submissions/ as the content sweep sees them: listed by prefix
// (all pages) and removed in batches of S3's limit. In the versioned bucket a removal adds a
// delete marker; the noncurrent-version rule expires the document itself later.
import { DeleteObjectsCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import type { ContentObject, ContentObjects } from '#core/content-sweep';

const BATCH = 1000;

export class S3ContentObjects implements ContentObjects {
  constructor(
    private readonly s3: S3Client,
    private readonly bucket: string,
  ) {}

  async list(prefix: string): Promise<ContentObject[]> {
    const found: ContentObject[] = [];
    let token: string | undefined;
    do {
      const out = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of out.Contents ?? []) if (o.Key && o.LastModified) found.push({ key: o.Key, lastModified: o.LastModified });
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  async remove(keys: string[]): Promise<void> {
    for (let i = 0; i < keys.length; i += BATCH) {
      const out = await this.s3.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.slice(i, i + BATCH).map((Key) => ({ Key })), Quiet: true } }),
      );
      if (out.Errors?.length) throw new Error(`could not remove ${out.Errors.length} documents, first ${out.Errors[0]?.Key}: ${out.Errors[0]?.Code}`);
    }
  }
}
