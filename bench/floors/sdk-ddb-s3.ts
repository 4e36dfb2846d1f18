// Cold-start floor of the functions that use the table and the bucket: one GetItem and one
// object read (a missing key answers 404, which is still a signed round trip), nothing else.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { getDocumentClient, getS3Client, requiredEnv } from '#store/clients';

export const handler = async (): Promise<{ statusCode: number; body: string }> => {
  const [item, object] = await Promise.all([
    getDocumentClient().send(new GetCommand({ TableName: requiredEnv('TABLE_NAME'), Key: { PK: 'ROUNDS', SK: 'ROUND#floor' } })),
    getS3Client()
      .send(new HeadObjectCommand({ Bucket: requiredEnv('BUCKET_NAME'), Key: 'floor/none.json' }))
      .then(() => true, (err: { $metadata?: { httpStatusCode?: number } }) => {
        if (err.$metadata?.httpStatusCode === 404) return false;
        throw err;
      }),
  ]);
  return { statusCode: 200, body: JSON.stringify({ item: item.Item ?? null, object }) };
};
